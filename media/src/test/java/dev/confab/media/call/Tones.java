package dev.confab.media.call;

/** The power of one frequency in 48 kHz PCM (Goertzel), to tell whether a tone came through. */
final class Tones {
    private Tones() {
    }

    static double powerAt(short[] pcm, double hertz) {
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
