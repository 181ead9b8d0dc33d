package dev.confab.testkit.audio;

/** The power of one frequency in 48 kHz PCM (Goertzel), to tell whether a tone came through. Stateless. */
public final class Tones {
    private Tones() {
    }

    /** The power at {@code hertz} over all of {@code pcm} (48 kHz). */
    public static double powerAt(short[] pcm, double hertz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / 48_000);
        double previous = 0;
        double beforePrevious = 0;
        for (short sample : pcm) {
            double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }
}
