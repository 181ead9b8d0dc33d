package dev.confab.crypto.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link DatagramLink} whose receive side is a bounded queue that a demultiplexer feeds with
 * {@link #deliver}, and whose send side is a function. Datagrams that do not fit (queue full, too big, link closed)
 * are dropped and counted, never blocking the feeder.
 *
 * <p>Thread contract: {@link #deliver}, {@link #close} and {@link #wakeup} may be called from any thread, typically
 * the ICE receive thread; {@link #receive} by one consumer thread at a time. Memory is bounded by
 * {@code capacity * receiveLimit}.
 */
public final class QueueDatagramLink implements DatagramLink {

    /** Where sent datagrams go: the ICE transport's send on the selected pair. */
    @FunctionalInterface
    public interface Sender {
        /** Sends one datagram; must not keep {@code buf} after returning. */
        void send(byte[] buf, int off, int len) throws IOException;
    }

    /** WebRTC's conservative payload size, safe on IPv6 paths with tunnels. */
    public static final int DEFAULT_SEND_LIMIT = 1200;
    /** Above any unfragmented UDP payload on Ethernet (1472 bytes), so no honest datagram is refused. */
    public static final int DEFAULT_RECEIVE_LIMIT = 2048;
    /** Two full flights of any handshake, with room for retransmissions. */
    public static final int DEFAULT_CAPACITY = 64;

    private static final byte[] CLOSED = new byte[0];
    private static final byte[] WAKEUP = new byte[0];

    private final int sendLimit;
    private final int receiveLimit;
    private final Sender sender;
    private final BlockingQueue<byte[]> queue;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /**
     * A link with explicit limits.
     *
     * @param sendLimit    see {@link #sendLimit()}
     * @param receiveLimit larger datagrams are dropped by {@link #deliver}
     * @param capacity     datagrams held before {@link #deliver} drops
     * @param sender       where {@link #send} goes
     */
    public QueueDatagramLink(int sendLimit, int receiveLimit, int capacity, Sender sender) {
        if (sendLimit < 256 || receiveLimit < sendLimit || receiveLimit > 65_535 || capacity < 1) {
            throw new IllegalArgumentException("need 256 <= sendLimit <= receiveLimit <= 65535 and capacity >= 1");
        }
        this.sendLimit = sendLimit;
        this.receiveLimit = receiveLimit;
        this.sender = Objects.requireNonNull(sender, "sender");
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** A link with the default limits. */
    public QueueDatagramLink(Sender sender) {
        this(DEFAULT_SEND_LIMIT, DEFAULT_RECEIVE_LIMIT, DEFAULT_CAPACITY, sender);
    }

    /**
     * Queues a copy of one received datagram for {@link #receive}.
     *
     * @return false, counting a drop, if the link is closed, the datagram is empty or larger than
     *         {@link #receiveLimit()}, or the queue is full
     */
    public boolean deliver(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (closed || len == 0 || len > receiveLimit || !queue.offer(Arrays.copyOfRange(buf, off, off + len))) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Datagrams {@link #deliver} refused so far. */
    public long dropped() {
        return dropped.get();
    }

    /** Stops accepting datagrams; {@link #receive} returns what is queued, then fails. Idempotent. */
    public void close() {
        closed = true;
        queue.offer(CLOSED); // wakes a waiting receiver; if the queue is full, nobody is waiting
    }

    @Override
    public void wakeup() {
        queue.offer(WAKEUP); // if the queue is full, the receiver is not waiting
    }

    @Override
    public int sendLimit() {
        return sendLimit;
    }

    @Override
    public int receiveLimit() {
        return receiveLimit;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        sender.send(buf, off, len);
    }

    @Override
    public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
        byte[] datagram;
        try {
            datagram = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while waiting for a datagram");
        }
        if (datagram == CLOSED || (datagram == null && closed)) {
            queue.offer(CLOSED);
            throw new ClosedChannelException();
        }
        if (datagram == null || datagram == WAKEUP) {
            return -1;
        }
        int copied = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, copied);
        return copied;
    }
}
