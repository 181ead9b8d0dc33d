package dev.confab.bench.calls;

/**
 * The test signal of the mouth-to-ear measurements, and how it is found again: silence but for a 10 ms 1 kHz burst at
 * half of full scale in one 20 ms frame of 48 kHz mono in fifty, that is once a second; a burst is heard at its first
 * sample over a quarter of that. Stateless.
 */
final class Bursts {
    static final int RATE = 48_000;
    static final int FRAME = 960;
    static final int FRAMES_APART = 50;
    private static final int LENGTH = 480;
    private static final int AMPLITUDE = 16_000;
    private static final int THRESHOLD = 4000;

    private Bursts() {
    }

    /** Fills {@code frame} with silence, or with a burst from sample {@code offset} when {@code withBurst}. */
    static void fill(short[] frame, boolean withBurst, int offset) {
        for (int i = 0; i < frame.length; i++) {
            boolean on = withBurst && i >= offset && i < offset + LENGTH;
            frame[i] = on ? (short) (AMPLITUDE * Math.sin(2 * Math.PI * 1000 * (i - offset) / RATE)) : 0;
        }
    }

    /** Whether a sample is loud enough to be taken as a burst. */
    static boolean heard(short sample) {
        return Math.abs(sample) > THRESHOLD;
    }

    /** Nanoseconds of {@code samples} samples at 48 kHz. */
    static long nanos(long samples) {
        return samples * 1_000_000_000L / RATE;
    }
}
