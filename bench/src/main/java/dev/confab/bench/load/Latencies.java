package dev.confab.bench.load;

import java.util.Arrays;

/**
 * Collects latency samples in nanoseconds and reports percentiles. Thread-safe: samples arrive from the
 * WebSocket threads of many clients at once.
 */
final class Latencies {
    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code p}-th percentile (0-100) in milliseconds, nearest-rank; NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
