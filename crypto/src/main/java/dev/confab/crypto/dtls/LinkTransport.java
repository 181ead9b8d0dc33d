package dev.confab.crypto.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
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
 * <p>Thread contract: Bouncy Castle calls it from the endpoint's worker thread; {@link #wake()} may be called from
 * any thread.
 */
final class LinkTransport implements DatagramTransport {

    private final DatagramLink link;
    private final InboundRecordFilter filter;
    private volatile boolean woken;
    private volatile boolean handshakeFinished;

    LinkTransport(DatagramLink link, InboundRecordFilter filter) {
        this.link = link;
        this.filter = filter;
    }

    /** From now on, a wake-up is an {@link InterruptedIOException} rather than an alert. */
    void handshakeFinished() {
        handshakeFinished = true;
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
    public void close() {
        wake();
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
        link.send(buf, off, len);
    }

    private void throwIfWoken() throws IOException {
        if (woken) {
            throw handshakeFinished ? new InterruptedIOException("DTLS endpoint closing")
                    : new TlsFatalAlert(AlertDescription.user_canceled, "DTLS endpoint closed during the handshake");
        }
    }
}
