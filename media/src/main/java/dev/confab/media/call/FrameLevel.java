package dev.confab.media.call;

/**
 * The level of a frame of 16-bit PCM in -dBov (RFC 6464: 0 is a full-scale square wave, 127 is silence or quieter),
 * for the audio level header extension and the level meter. Stateless.
 */
final class FrameLevel {
    /** The quietest level. */
    static final int SILENCE = 127;
    /** Frames louder than this (below this many -dBov) are flagged as voice: a plain energy gate, no VAD. */
    static final int VOICE_BELOW = 50;

    private FrameLevel() {
    }

    /** The frame's RMS level in -dBov, 0-127. */
    static int dbov(short[] pcm) {
        double sum = 0;
        for (short sample : pcm) {
            sum += (double) sample * sample;
        }
        if (sum == 0) {
            return SILENCE;
        }
        double rms = Math.sqrt(sum / pcm.length) / 32768.0;
        return (int) Math.clamp(Math.round(-20 * Math.log10(rms)), 0, SILENCE);
    }
}
