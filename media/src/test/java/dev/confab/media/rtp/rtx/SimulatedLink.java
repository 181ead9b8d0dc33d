package dev.confab.media.rtp.rtx;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One direction of a simulated path for tests: each datagram is copied, dropped as the {@link LossModel} says, or
 * delivered after a fixed delay on the {@link EventLoop}, so nothing is reordered. Counts what was offered and lost.
 */
final class SimulatedLink {
    private final EventLoop loop;
    private final long delayNanos;
    private final LossModel loss;
    private final RandomGenerator random;
    private final Consumer<byte[]> receiver;
    private long datagrams;
    private long bytes;
    private long lost;

    SimulatedLink(EventLoop loop, long delayNanos, LossModel loss, RandomGenerator random, Consumer<byte[]> receiver) {
        this.loop = loop;
        this.delayNanos = delayNanos;
        this.loss = loss;
        this.random = random;
        this.receiver = receiver;
    }

    /** Sends {@code buf[off, off + len)}; returns whether it will arrive. */
    boolean send(byte[] buf, int off, int len) {
        datagrams++;
        bytes += len;
        if (loss.drops(random)) {
            lost++;
            return false;
        }
        byte[] copy = Arrays.copyOfRange(buf, off, off + len);
        loop.at(loop.now() + delayNanos, () -> receiver.accept(copy));
        return true;
    }

    long datagrams() {
        return datagrams;
    }

    long bytes() {
        return bytes;
    }

    long lost() {
        return lost;
    }
}
