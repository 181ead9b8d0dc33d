package dev.confab.media.rtp.cc;

/**
 * Splits the estimate between audio and video: audio gets its rate first (it is small and a gap in speech hurts more
 * than a softer picture), video the rest, of which a share is kept for RTP/SRTP headers and retransmissions before it
 * reaches the encoder. Immutable.
 */
public final class BitrateAllocator {
    /** Opus at 32 kbit/s with its RTP, extension and SRTP overhead at 50 packets a second. */
    public static final long DEFAULT_AUDIO_BPS = 45_000;
    /** Headers (about 40 of 1200 bytes) and NACK retransmissions at a few percent loss. */
    public static final double DEFAULT_VIDEO_OVERHEAD = 0.1;

    private final long audioBps;
    private final double videoOverhead;

    /**
     * @param audioBps      the audio stream's wire rate, 0 if there is no audio
     * @param videoOverhead the share of the video rate not given to the encoder, 0 to below 1
     */
    public BitrateAllocator(long audioBps, double videoOverhead) {
        if (audioBps < 0 || videoOverhead < 0 || videoOverhead >= 1) {
            throw new IllegalArgumentException("audio rate >= 0 and overhead in [0, 1) needed");
        }
        this.audioBps = audioBps;
        this.videoOverhead = videoOverhead;
    }

    /** With {@link #DEFAULT_AUDIO_BPS} and {@link #DEFAULT_VIDEO_OVERHEAD}. */
    public static BitrateAllocator withDefaults() {
        return new BitrateAllocator(DEFAULT_AUDIO_BPS, DEFAULT_VIDEO_OVERHEAD);
    }

    public BitrateAllocation allocate(long targetBps) {
        long audio = Math.min(Math.max(targetBps, 0), audioBps);
        long video = Math.max(targetBps - audio, 0);
        return new BitrateAllocation(audio, video, (long) (video * (1 - videoOverhead)));
    }
}
