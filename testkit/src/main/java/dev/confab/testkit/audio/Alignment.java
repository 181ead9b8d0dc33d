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
        double[] coarseSource = decimate(source);
        double[] coarseRecording = decimate(recording);
        int bestCoarse = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = 0; lag + coarseSource.length <= coarseRecording.length; lag++) {
            double c = correlation(coarseSource, coarseRecording, lag);
            if (c > best) {
                best = c;
                bestCoarse = lag;
            }
        }
        double[] fine = toDouble(source);
        double[] whole = toDouble(recording);
        int bestLag = 0;
        best = Double.NEGATIVE_INFINITY;
        int from = Math.max(0, bestCoarse * DECIMATION - 2 * DECIMATION);
        int to = Math.min(whole.length - fine.length, bestCoarse * DECIMATION + 2 * DECIMATION);
        for (int lag = from; lag <= to; lag++) {
            double c = correlation(fine, whole, lag);
            if (c > best) {
                best = c;
                bestLag = lag;
            }
        }
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
        double weighted = 0;
        double weights = 0;
        for (int start = 0; start + window <= fine.length; start += window) {
            double[] stretch = java.util.Arrays.copyOfRange(fine, start, start + window);
            double energy = 0;
            for (double v : stretch) {
                energy += v * v;
            }
            if (energy / window < SILENT_POWER) {
                continue;
            }
            int from = Math.max(0, whole.lagSamples() + start - maxDrift);
            int to = Math.min(heard.length - window, whole.lagSamples() + start + maxDrift);
            double best = Double.NEGATIVE_INFINITY;
            for (int at = from; at <= to; at++) {
                best = Math.max(best, correlation(stretch, heard, at));
            }
            weighted += best * energy;
            weights += energy;
        }
        return new Alignment(whole.lagSamples(), weights == 0 ? 0 : weighted / weights, whole.levelDb());
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

    private static double[] decimate(short[] samples) {
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
