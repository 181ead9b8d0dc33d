package dev.confab.media.audio.opus;

/**
 * How an {@link OpusEncoder} starts: always 48 kHz, 16-bit PCM, the VOIP application. The bitrate, packet-loss hint,
 * in-band FEC, DTX and complexity can be changed later on the encoder. Immutable.
 *
 * @param channels          1 (mono, the default) or 2
 * @param frameMillis       the duration of each encoded packet: 10, 20, 40 or 60 ms
 * @param bitrate           the target in bit/s, 6000-510000
 * @param complexity        0 (cheapest) to 10 (best)
 * @param inbandFec         whether packets carry a low-bitrate copy of the previous frame (LBRR), used only while the
 *                          packet-loss hint is above 0
 * @param dtx               whether silence is sent as tiny packets (about one every 400 ms needs sending)
 * @param packetLossPercent the expected loss, 0-100, which sizes the FEC
 * @param maxBandwidth      the widest bandwidth to code
 * @param cbr               constant instead of (constrained) variable bitrate
 */
public record OpusEncoderConfig(int channels, int frameMillis, int bitrate, int complexity, boolean inbandFec,
        boolean dtx, int packetLossPercent, OpusBandwidth maxBandwidth, boolean cbr) {
    /** The lowest and highest bitrate libopus codes at, in bit/s (RFC 7587 section 6.1 bounds too). */
    public static final int MIN_BITRATE = 6_000;
    public static final int MAX_BITRATE = 510_000;

    /**
     * Confab's defaults: mono, 20 ms, 32 kbit/s, complexity 5, in-band FEC and DTX on, no loss expected yet, fullband,
     * variable bitrate.
     *
     * <p>Why complexity 5 and not libwebrtc's desktop 9: from 7 up, a floating-point libopus (Debian's) also runs its
     * tonality analysis on every frame, and from 8 up SILK searches pitch and quantizes at its most thorough; for a
     * call's mono speech that bought next to nothing measurable here. Measured with libopus 1.3.1 on espeak speech
     * (three sentences, three loss seeds each; waveform correlation of decoded with source at 0, 10 and 20% random
     * loss with FEC): complexity 9 0.9654, 0.9355, 0.8975; 6 0.9649, 0.9341, 0.8972; 5 0.9635, 0.9318, 0.8939;
     * through two call sessions in real time (CallSessionImpairedTest, no loss) 0.967-0.968 with either 9 or 6.
     * Encoding one frame every 20 ms, as a call does (cold caches), cost about 440-500 us of CPU at 9, 360-380 at 6
     * and 290-310 at 5 (four encoders side by side on the same speech: 359, 294, 293 and 247 us at 6, 5, 4 and 3):
     * the encoder is most of a call's CPU, and 5 takes a third off 9's cost (a sixth off 6's) for 0.002-0.003 of
     * correlation, to bring a call's CPU towards 3% of a core.
     */
    public static final OpusEncoderConfig DEFAULT =
            new OpusEncoderConfig(1, 20, 32_000, 5, true, true, 0, OpusBandwidth.FULLBAND, false);

    /** Validates every field. */
    public OpusEncoderConfig {
        checkChannels(channels);
        if (frameMillis != 10 && frameMillis != 20 && frameMillis != 40 && frameMillis != 60) {
            throw new IllegalArgumentException("frame duration " + frameMillis + " ms is not 10, 20, 40 or 60");
        }
        checkBitrate(bitrate);
        checkComplexity(complexity);
        checkPacketLossPercent(packetLossPercent);
        if (maxBandwidth == null) {
            throw new IllegalArgumentException("maximum bandwidth is missing");
        }
    }

    /** Samples per channel in one frame at 48 kHz. */
    public int frameSamples() {
        return frameMillis * OpusPackets.SAMPLES_PER_MILLI;
    }

    /**
     * This configuration as the peer's {@code a=fmtp} narrows it (RFC 7587 section 7.1: the parameters state what the
     * peer wants to receive): stereo only if both want it, FEC only if the peer can use it, DTX only if the peer asks
     * for it, the bitrate capped by {@code maxaveragebitrate}, the bandwidth by {@code maxplaybackrate}, CBR if
     * either wants it, and frames at least {@code minptime} long.
     */
    public OpusEncoderConfig negotiatedWith(OpusParameters remote) {
        int frame = frameMillis;
        while (frame < remote.minPtimeMillis() && frame < 60) {
            frame = frame == 10 ? 20 : frame + 20;
        }
        return new OpusEncoderConfig(channels == 2 && remote.stereo() ? 2 : 1, frame,
                Math.min(bitrate, remote.maxAverageBitrate()), complexity, inbandFec && remote.useInbandFec(),
                dtx && remote.useDtx(), packetLossPercent,
                maxBandwidth.min(OpusBandwidth.forPlaybackRate(remote.maxPlaybackRate())), cbr || remote.cbr());
    }

    static int checkChannels(int channels) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels " + channels + " is not 1 or 2");
        }
        return channels;
    }

    static int checkBitrate(int bitrate) {
        return inRange("bitrate", bitrate, MIN_BITRATE, MAX_BITRATE);
    }

    static int checkComplexity(int complexity) {
        return inRange("complexity", complexity, 0, 10);
    }

    static int checkPacketLossPercent(int percent) {
        return inRange("packet loss percentage", percent, 0, 100);
    }

    private static int inRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside " + min + "-" + max);
        }
        return value;
    }
}
