package dev.confab.media.audio.opus;

/**
 * What an Opus packet's table-of-contents says (RFC 6716 section 3.1): frames per packet and their duration, read in
 * Java so that a jitter buffer can size packets on any thread without the native decoder. Only the TOC (and for code 3
 * the frame count byte) is read; whether the frame lengths are consistent is the decoder's check. Bad input returns a
 * negative {@link OpusError} status, never throws. Stateless.
 */
public final class OpusPackets {
    /** Opus's internal and RTP clock rate (RFC 7587 section 4.1), whatever the rate the audio is played at. */
    public static final int SAMPLE_RATE = 48_000;
    static final int SAMPLES_PER_MILLI = SAMPLE_RATE / 1000;
    /** The longest a packet may last: 120 ms (RFC 6716 section 3.2.5). */
    public static final int MAX_SAMPLES = 120 * SAMPLES_PER_MILLI;

    private static final int[] SILK_FRAME = {480, 960, 1920, 2880};
    private static final int[] HYBRID_FRAME = {480, 960};
    private static final int[] CELT_FRAME = {120, 240, 480, 960};

    private OpusPackets() {}

    /** Samples per channel at 48 kHz in each frame of a packet that starts with {@code toc}. */
    public static int samplesPerFrame(byte toc) {
        int config = (toc & 0xff) >> 3;
        if (config < 12) {
            return SILK_FRAME[config & 3];
        }
        return config < 16 ? HYBRID_FRAME[config & 1] : CELT_FRAME[config & 3];
    }

    /**
     * The number of frames in {@code packet[off, off + len)}: 1 or 2 for codes 0-2, the count byte's 1-48 for code 3.
     *
     * @return the count, or {@link OpusError#BAD_ARG} for an empty or out-of-array range, or
     *         {@link OpusError#INVALID_PACKET} for a code 3 packet without a count or with a count of 0
     */
    public static int frameCount(byte[] packet, int off, int len) {
        if (len < 1 || OpusEncoder.outside(packet == null ? -1 : packet.length, off, len)) {
            return OpusError.BAD_ARG.status();
        }
        return switch (packet[off] & 3) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> len < 2 || (packet[off + 1] & 0x3f) == 0
                    ? OpusError.INVALID_PACKET.status() : packet[off + 1] & 0x3f;
        };
    }

    /**
     * The samples per channel at 48 kHz that {@code packet[off, off + len)} decodes to, which is also the RTP
     * timestamp increment of the packet (RFC 7587 section 4.1).
     *
     * @return the count, or a negative status as for {@link #frameCount}, or {@link OpusError#INVALID_PACKET} when the
     *         packet would last more than 120 ms
     */
    public static int samples(byte[] packet, int off, int len) {
        int frames = frameCount(packet, off, len);
        if (frames < 0) {
            return frames;
        }
        int samples = frames * samplesPerFrame(packet[off]);
        return samples > MAX_SAMPLES ? OpusError.INVALID_PACKET.status() : samples;
    }
}
