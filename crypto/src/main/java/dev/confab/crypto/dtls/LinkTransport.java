package dev.confab.crypto.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Bouncy Castle's view of a {@link DatagramLink}: passes what arrives through an {@link InboundRecordFilter}, and
 * turns {@link #wake()} into an exception out of {@link #receive}: during the handshake a user_canceled alert,
 * which Bouncy Castle sends to the peer as it abandons the handshake; after it an {@link InterruptedIOException},
 * which Bouncy Castle passes up without failing the association, so the worker can then close it cleanly.
 *
 * <p>Bouncy Castle sends each record of a flight as a datagram of its own (five for a client's last flight): on a
 * lossy path a flight then arrives whole far less often, and on a path that reorders its records overtake one another.
 * Records sent one after another are therefore packed into one datagram up to the send limit (RFC 6347 section 4.1.1
 * allows several records per datagram, and browsers send flights so), which goes out when Bouncy Castle next waits
 * to receive, or when the next record would not fit, or at {@link #flush()}. Measured on a seeded in-memory path with
 * 20% loss and 30% reordering, 200 handshakes: without packing 5 took over 5 s and the slowest 12.8 s.
 *
 * <p>Thread contract: Bouncy Castle calls it from the endpoint's worker thread; {@link #wake()} may be called from
 * any thread.
 */
final class LinkTransport implements DatagramTransport {

    private final DatagramLink link;
    private final InboundRecordFilter filter;
    private volatile boolean woken;
    private volatile boolean handshakeFinished;
    private byte[] packed = new byte[0];
    private int packedLength;

    LinkTransport(DatagramLink link, InboundRecordFilter filter) {
        this.link = link;
        this.filter = filter;
    }

    /** From now on, a wake-up is an {@link InterruptedIOException} rather than an alert; sends what is packed. */
    void handshakeFinished() throws IOException {
        handshakeFinished = true;
        flush();
    }

    /** Sends the records packed so far, if any (worker thread). */
    void flush() throws IOException {
        if (packedLength > 0) {
            int length = packedLength;
            packedLength = 0;
            link.send(packed, 0, length);
        }
    }

    /** Makes the current and every later {@link #receive} throw. */
    void wake() {
        woken = true;
        link.wakeup();
    }

    /**
     * Called by Bouncy Castle when the association ends, for instance on the peer's close_notify. The link stays
     * open (its owner closes it), but receives now fail at once: Bouncy Castle's receive would otherwise keep
     * waiting out its full timeout on a closed association.
     */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            wake();
        }
    }

    @Override
    public int getReceiveLimit() {
        return link.receiveLimit();
    }

    @Override
    public int getSendLimit() {
        return link.sendLimit();
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        flush();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        for (;;) {
            throwIfWoken();
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                return -1;
            }
            int received = link.receive(buf, off, len, (int) remaining);
            throwIfWoken();
            int passed = received < 0 ? 0 : filter.filter(buf, off, received, off + len);
            if (passed > 0) {
                return passed;
            }
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        int limit = link.sendLimit();
        if (packedLength + len > limit) {
            flush();
        }
        if (len > limit) {
            link.send(buf, off, len);
            return;
        }
        if (packed.length < limit) {
            packed = Arrays.copyOf(packed, limit);
        }
        System.arraycopy(buf, off, packed, packedLength, len);
        packedLength += len;
    }

    private void throwIfWoken() throws IOException {
        if (woken) {
            throw handshakeFinished ? new InterruptedIOException("DTLS endpoint closing")
                    : new TlsFatalAlert(AlertDescription.user_canceled, "DTLS endpoint closed during the handshake");
        }
    }
}
