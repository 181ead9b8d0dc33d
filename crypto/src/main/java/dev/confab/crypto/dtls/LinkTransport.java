package dev.confab.crypto.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Bouncy Castle's view of a {@link DatagramLink}: passes what arrives through an {@link InboundRecordFilter} and
 * turns {@link #wake()} into an {@link InterruptedIOException}, which Bouncy Castle
 * passes up without failing the association, so the worker can then close it cleanly.
 *
 * <p>Thread contract: Bouncy Castle calls it from the endpoint's worker thread; {@link #wake()} may be called from
 * any thread. {@link #close()} is a no-op: the link belongs to whoever made it (the ICE transport).
 */
final class LinkTransport implements DatagramTransport {

    private final DatagramLink link;
    private final InboundRecordFilter filter;
    private volatile boolean woken;

    LinkTransport(DatagramLink link, InboundRecordFilter filter) {
        this.link = link;
        this.filter = filter;
    }

    /** Makes the current and every later {@link #receive} throw {@link InterruptedIOException}. */
    void wake() {
        woken = true;
        link.wakeup();
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
            int passed = received < 0 ? 0 : filter.filter(buf, off, received);
            if (passed > 0) {
                return passed;
            }
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        link.send(buf, off, len);
    }

    @Override
    public void close() {
        // The link outlives the association; its owner closes it.
    }

    private void throwIfWoken() throws InterruptedIOException {
        if (woken) {
            throw new InterruptedIOException("DTLS endpoint closing");
        }
    }
}
