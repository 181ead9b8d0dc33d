package dev.confab.media.rtp.cc;

import java.util.random.RandomGenerator;

/**
 * A simulated bottleneck for tests, like Linux tbf with netem: packets leave one after another at the rate, wait in a
 * drop-tail queue of at most {@code queueBytes} (a packet that does not fit is dropped), then take a fixed delay plus
 * a random jitter (never reordering); a random share is lost before the queue. Arrival times are exact, not stepped.
 */
final class Bottleneck {
    private final long queueBytes;
    private final long delayNanos;
    private final long jitterNanos;
    private final double randomLoss;
    private final RandomGenerator random;
    private long rateBps;
    private long freeAtNanos;
    private long lastArrivalNanos;

    Bottleneck(long rateBps, long queueBytes, long delayNanos, long jitterNanos, double randomLoss,
            RandomGenerator random) {
        this.rateBps = rateBps;
        this.queueBytes = queueBytes;
        this.delayNanos = delayNanos;
        this.jitterNanos = jitterNanos;
        this.randomLoss = randomLoss;
        this.random = random;
    }

    void setRateBps(long rateBps) {
        this.rateBps = rateBps;
    }

    /** Offers a packet at {@code nowNanos}; returns when it arrives, or -1 if it is dropped. */
    long offer(int sizeBytes, long nowNanos) {
        if (randomLoss > 0 && random.nextDouble() < randomLoss) {
            return -1;
        }
        long start = Math.max(nowNanos, freeAtNanos);
        if (queuedBytes(nowNanos) + sizeBytes > queueBytes) {
            return -1;
        }
        freeAtNanos = start + sizeBytes * 8L * 1_000_000_000L / rateBps;
        long jitter = jitterNanos > 0 ? random.nextLong(jitterNanos) : 0;
        lastArrivalNanos = Math.max(lastArrivalNanos, freeAtNanos + delayNanos + jitter);
        return lastArrivalNanos;
    }

    /** How long a packet offered now would wait before it starts to leave. */
    long queueDelayNanos(long nowNanos) {
        return Math.max(0, freeAtNanos - nowNanos);
    }

    private long queuedBytes(long nowNanos) {
        return queueDelayNanos(nowNanos) * rateBps / 8 / 1_000_000_000L;
    }
}
