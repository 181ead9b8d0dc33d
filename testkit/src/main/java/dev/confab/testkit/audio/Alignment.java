package dev.confab.testkit.audio;

/**
 * Where a source signal sits inside a recording of it, found by cross-correlation (first on 8x decimated signals over
 * every lag, then at full rate around the best one), with the normalized correlation and the level difference there.
 * {@link #piecewise} aligns each stretch of the source on its own, as PESQ (ITU-T P.862) aligns each utterance: an
 * adaptive jitter buffer moves the delay by a pitch period at a time while it plays, which a single lag cannot follow.
 * Immutable.
 *
 * @param lagSamples  where the source starts in the recording, in samples
 * @param correlation the normalized (Pearson) correlation of the source and the aligned stretch of the recording
 * @param levelDb     the recording's RMS level over the source's, in dB, over that stretch
 */
public record Alignment(int lagSamples, double correlation, double levelDb) {
    private static final int DECIMATION = 8;
    /** Stretches quieter than about -50 dBFS are pauses, left out of the piecewise mean. */
    private static final double SILENT_POWER = 100.0 * 100.0;

    /** Aligns {@code source} in {@code recording}, which must be at least as long. */
    public static Alignment of(short[] source, short[] recording) {
        if (recording.length < source.length) {
            throw new IllegalArgumentException("the recording (" + recording.length + " samples) is shorter than the source ("
                    + source.length + ")");
        }
        double[] fine = toDouble(source);
        double[] whole = toDouble(recording);
        double[] coarseSource = decimate(fine);
        double[] coarseRecording = decimate(whole);
        int bestLag = coarseToFine(fine, coarseSource, whole, coarseRecording, 0,
                coarseRecording.length - coarseSource.length);
        double best = correlation(fine, whole, bestLag);
        double sourceEnergy = 0;
        double recordedEnergy = 0;
        for (int i = 0; i < fine.length; i++) {
            sourceEnergy += fine[i] * fine[i];
            recordedEnergy += whole[bestLag + i] * whole[bestLag + i];
        }
        return new Alignment(bestLag, best, 10 * Math.log10(recordedEnergy / sourceEnergy));
    }

    /**
     * Aligns {@code source} in {@code recording} as a whole, then each {@code window}-sample stretch of it within
     * {@code maxDrift} samples of that lag; the correlation is the stretches' energy-weighted mean (silent stretches
     * left out), the lag the whole one's, the level the whole one's.
     */
    public static Alignment piecewise(short[] source, short[] recording, int window, int maxDrift) {
        Alignment whole = of(source, recording);
        double[] fine = toDouble(source);
        double[] heard = toDouble(recording);
        return stretchwise(whole, fine, window, (stretch, start) -> correlation(stretch, heard, bestLag(stretch, heard,
                Math.max(0, whole.lagSamples() + start - maxDrift),
                Math.min(heard.length - window, whole.lagSamples() + start + maxDrift))));
    }

    /**
     * As {@link #piecewise}, for a delay that wanders far: each stretch is looked for within {@code maxWander} samples
     * of the whole lag first on 8x decimated signals, then at full rate around the best of those. For a jitter buffer
     * that drains, a pause at a time, what a burst of delay put in it: a wide fixed window searched at full rate would
     * cost too much.
     */
    public static Alignment wandering(short[] source, short[] recording, int window, int maxWander) {
        Alignment whole = of(source, recording);
        double[] fine = toDouble(source);
        double[] heard = toDouble(recording);
        double[] coarseHeard = decimate(heard);
        return stretchwise(whole, fine, window, (stretch, start) -> {
            int centre = (whole.lagSamples() + start) / DECIMATION;
            int at = coarseToFine(stretch, decimate(stretch), heard, coarseHeard,
                    Math.max(0, centre - maxWander / DECIMATION),
                    Math.min(coarseHeard.length - window / DECIMATION, centre + maxWander / DECIMATION));
            return correlation(stretch, heard, at);
        });
    }

    /** How well a stretch of the source, starting at a sample, matches the recording where it is looked for. */
    private interface StretchMatch {
        double best(double[] stretch, int start);
    }

    /** The energy-weighted mean of {@code match} over the source's sounding stretches of {@code window} samples. */
    private static Alignment stretchwise(Alignment whole, double[] source, int window, StretchMatch match) {
        double weighted = 0;
        double weights = 0;
        for (int start = 0; start + window <= source.length; start += window) {
            double[] stretch = java.util.Arrays.copyOfRange(source, start, start + window);
            double energy = 0;
            for (double v : stretch) {
                energy += v * v;
            }
            if (energy / window < SILENT_POWER) {
                continue;
            }
            weighted += match.best(stretch, start) * energy;
            weights += energy;
        }
        return new Alignment(whole.lagSamples(), weights == 0 ? 0 : weighted / weights, whole.levelDb());
    }

    /**
     * Where {@code a} lies in {@code b}: the best of the lags {@code coarseFrom..coarseTo} of the decimated signals,
     * then the best at full rate within two decimated samples of it.
     */
    private static int coarseToFine(double[] a, double[] coarseA, double[] b, double[] coarseB, int coarseFrom,
            int coarseTo) {
        int coarse = bestLag(coarseA, coarseB, coarseFrom, coarseTo);
        return bestLag(a, b, Math.max(0, coarse * DECIMATION - 2 * DECIMATION),
                Math.min(b.length - a.length, coarse * DECIMATION + 2 * DECIMATION));
    }

    /** The lag in {@code from..to} at which {@code a} correlates best with {@code b}, the first of equals. */
    private static int bestLag(double[] a, double[] b, int from, int to) {
        int bestAt = from;
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = from; lag <= to; lag++) {
            double c = correlation(a, b, lag);
            if (c > best) {
                best = c;
                bestAt = lag;
            }
        }
        return bestAt;
    }

    private static double correlation(double[] a, double[] b, int lag) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i];
            meanB += b[lag + i];
        }
        meanA /= a.length;
        meanB /= a.length;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - meanA;
            double y = b[lag + i] - meanB;
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    private static double[] decimate(double[] samples) {
        double[] out = new double[samples.length / DECIMATION];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int k = 0; k < DECIMATION; k++) {
                sum += samples[i * DECIMATION + k];
            }
            out[i] = sum / DECIMATION;
        }
        return out;
    }

    private static double[] toDouble(short[] samples) {
        double[] out = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i];
        }
        return out;
    }
}
