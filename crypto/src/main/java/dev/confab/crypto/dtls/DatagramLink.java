package dev.confab.crypto.dtls;

import java.io.IOException;

/**
 * The datagram path DTLS runs over: in a call, the ICE transport's selected pair, which hands over the datagrams
 * whose first byte is 20-63 (RFC 7983 section 7). {@link QueueDatagramLink} is the queue-fed implementation such a
 * demultiplexer pushes into.
 *
 * <p>Thread contract: one thread at a time calls {@link #send} and {@link #receive} (a {@link DtlsEndpoint}'s
 * worker); {@link #wakeup} may be called from any thread.
 */
public interface DatagramLink {

    /** Largest datagram {@link #send} passes without fragmentation: the path MTU less IP and UDP headers. */
    int sendLimit();

    /** Largest datagram {@link #receive} returns. */
    int receiveLimit();

    /** Sends one datagram of {@code len} bytes; a best-effort send that may be lost like any datagram. */
    void send(byte[] buf, int off, int len) throws IOException;

    /**
     * Waits up to {@code timeoutMillis} for the next datagram and copies it into {@code buf}; as with UDP, the part
     * of a datagram longer than {@code len} is lost.
     *
     * @return the number of bytes copied, or -1 if no datagram arrived in time or {@link #wakeup} was called
     * @throws java.io.InterruptedIOException if the waiting thread is interrupted
     * @throws IOException                    if the link is closed and has nothing left to deliver
     */
    int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException;

    /**
     * Makes a {@link #receive} that is waiting return -1 promptly. An endpoint calls it to close without
     * interrupting its worker thread, which would close an NIO channel the worker happens to be writing to.
     */
    void wakeup();
}
