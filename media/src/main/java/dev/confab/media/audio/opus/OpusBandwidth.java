package dev.confab.media.audio.opus;

/** The audio bandwidths Opus codes (RFC 6716 section 2), each with the sample rate that carries it. Immutable. */
public enum OpusBandwidth {
    NARROWBAND(1101, 8_000),
    MEDIUMBAND(1102, 12_000),
    WIDEBAND(1103, 16_000),
    SUPERWIDEBAND(1104, 24_000),
    FULLBAND(1105, 48_000);

    private final int code;
    private final int sampleRate;

    OpusBandwidth(int code, int sampleRate) {
        this.code = code;
        this.sampleRate = sampleRate;
    }

    /** libopus's constant ({@code OPUS_BANDWIDTH_*}). */
    int code() {
        return code;
    }

    /** The sample rate that carries this bandwidth. */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * The widest bandwidth a receiver playing at {@code maxPlaybackRate} Hz can use (RFC 7587 section 6.1
     * {@code maxplaybackrate}); rates below 8000 still get narrowband.
     */
    public static OpusBandwidth forPlaybackRate(int maxPlaybackRate) {
        OpusBandwidth widest = NARROWBAND;
        for (OpusBandwidth bandwidth : values()) {
            if (bandwidth.sampleRate <= maxPlaybackRate) {
                widest = bandwidth;
            }
        }
        return widest;
    }

    /** The narrower of the two. */
    public OpusBandwidth min(OpusBandwidth other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
