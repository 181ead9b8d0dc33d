package dev.confab.media.audio.opus;

/**
 * Chooses the encoder's bitrate and packet-loss hint from the loss the receiver reports (the RTCP report block's
 * fraction lost, RFC 3550 section 6.4.1), once per report:
 *
 * <ul>
 *   <li>Bitrate, loss-based as in Google Congestion Control (draft-ietf-rmcat-gcc-02 section 6): above 10 % loss it
 *       falls by half the loss, below 2 % it rises by 5 %, in between it holds; always within
 *       {@link Limits#minBitrate()}-{@link Limits#maxBitrate()}.</li>
 *   <li>Loss hint: the loss smoothed over reports (half the weight to the newest), rounded up to one of
 *       {@link #HINT_LEVELS} so that the encoder is not reconfigured for every wobble, and lowered only when the smoothed
 *       loss is 20 % below the next level down. Any loss gives a hint above 0, which in-band FEC needs to do anything.</li>
 *   <li>While the hint is above 0 the bitrate stays at or above {@link Limits#fecMinBitrate()}: libopus codes FEC only
 *       above a bitrate that depends on bandwidth and loss (about 17 kbit/s narrowband, 21 kbit/s wideband at 1 %
 *       loss, opus_encoder.c {@code decide_fec}), so cutting below it would drop the FEC exactly when loss needs it.</li>
 * </ul>
 *
 * Thread contract: one thread at a time (the thread that handles the stream's RTCP).
 */
public final class OpusLossPolicy {
    /** The packet-loss percentages the hint moves between. */
    static final int[] HINT_LEVELS = {0, 1, 5, 10, 20, 30};

    /**
     * The range the policy keeps the bitrate in, in bit/s.
     *
     * @param minBitrate    the lowest bitrate while no loss is hinted, at least 6000
     * @param maxBitrate    the highest bitrate (cap it by the peer's {@code maxaveragebitrate}), at most 510000
     * @param fecMinBitrate the lowest bitrate while loss is hinted, between the two
     */
    public record Limits(int minBitrate, int maxBitrate, int fecMinBitrate) {
        /** 6-64 kbit/s, at least 24 kbit/s under loss (wideband FEC at any loss). */
        public static final Limits DEFAULT = new Limits(6_000, 64_000, 24_000);

        /** Validates the order. */
        public Limits {
            OpusEncoderConfig.checkBitrate(minBitrate);
            OpusEncoderConfig.checkBitrate(maxBitrate);
            if (minBitrate > maxBitrate || fecMinBitrate < minBitrate || fecMinBitrate > maxBitrate) {
                throw new IllegalArgumentException("bitrate limits need min <= fec min <= max: " + minBitrate + ", "
                        + fecMinBitrate + ", " + maxBitrate);
            }
        }

        /** These limits with the maximum lowered to {@code cap} (the peer's {@code maxaveragebitrate}). */
        public Limits cappedAt(int cap) {
            int max = Math.max(minBitrate, Math.min(maxBitrate, cap));
            return new Limits(minBitrate, max, Math.min(fecMinBitrate, max));
        }
    }

    /**
     * What to set on the encoder.
     *
     * @param bitrate           bit/s, for {@link OpusEncoder#setBitrate}
     * @param packetLossPercent for {@link OpusEncoder#setPacketLossPercent}
     */
    public record Decision(int bitrate, int packetLossPercent) {}

    private final Limits limits;
    private double bitrate;
    private double smoothedLoss = -1;
    private int hint;

    /** A policy starting at {@code startBitrate} (clamped into the limits) with no loss hinted. */
    public OpusLossPolicy(Limits limits, int startBitrate) {
        this.limits = limits;
        this.bitrate = Math.clamp(startBitrate, limits.minBitrate(), limits.maxBitrate());
    }

    /** The decision before any report. */
    public Decision current() {
        return new Decision((int) bitrate, hint);
    }

    /**
     * Takes one report's fraction lost, 0-255 as RTCP carries it (the fraction times 256).
     *
     * @throws IllegalArgumentException outside 0-255
     */
    public Decision onFractionLost(int fractionLost) {
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fraction lost " + fractionLost + " is outside 0-255");
        }
        double loss = fractionLost / 256.0;
        smoothedLoss = smoothedLoss < 0 ? loss : (smoothedLoss + loss) / 2;
        hint = nextHint(hint, smoothedLoss * 100);
        if (loss > 0.10) {
            bitrate *= 1 - 0.5 * loss;
        } else if (loss < 0.02) {
            bitrate *= 1.05;
        }
        bitrate = Math.clamp(bitrate, hint > 0 ? limits.fecMinBitrate() : limits.minBitrate(), limits.maxBitrate());
        return current();
    }

    private static int nextHint(int current, double lossPercent) {
        int up = levelAtLeast(lossPercent < 0.25 ? 0 : lossPercent);
        if (up > current) {
            return up;
        }
        int down = levelAtLeast(lossPercent < 0.25 ? 0 : lossPercent * 1.25);
        return Math.min(down, current);
    }

    private static int levelAtLeast(double percent) {
        for (int level : HINT_LEVELS) {
            if (level >= percent) {
                return level;
            }
        }
        return HINT_LEVELS[HINT_LEVELS.length - 1];
    }
}
