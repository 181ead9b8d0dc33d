package dev.confab.media.video.frame;

/**
 * Peak signal-to-noise ratio between two pictures of the same size, in dB against the 8-bit peak of 255: 10 log10
 * (255^2 / mean squared error). Identical pictures have infinite PSNR. Stateless and thread-safe.
 */
public final class Psnr {
    private static final double PEAK_SQUARED = 255.0 * 255.0;

    private Psnr() {}

    /** PSNR of the Y planes only: what the eye sees most and what codec comparisons usually quote. */
    public static double luma(I420Frame a, I420Frame b) {
        checkSameSize(a, b);
        return fromSquaredError(squaredError(a.data(), b.data(), 0, a.size().pixels()), a.size().pixels());
    }

    /** PSNR over all samples of Y, U and V together (each chroma sample counts as much as a luma sample). */
    public static double all(I420Frame a, I420Frame b) {
        checkSameSize(a, b);
        int samples = a.size().i420Bytes();
        return fromSquaredError(squaredError(a.data(), b.data(), 0, samples), samples);
    }

    /** PSNR for a mean squared error of {@code squaredError / samples}; infinite for no error. */
    public static double fromSquaredError(long squaredError, long samples) {
        if (squaredError == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 10 * Math.log10(PEAK_SQUARED * samples / squaredError);
    }

    private static long squaredError(byte[] a, byte[] b, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            int d = (a[i] & 0xff) - (b[i] & 0xff);
            sum += d * d;
        }
        return sum;
    }

    private static void checkSameSize(I420Frame a, I420Frame b) {
        if (!a.size().equals(b.size())) {
            throw new IllegalArgumentException("PSNR of different sizes: " + a.size() + " and " + b.size());
        }
    }
}
