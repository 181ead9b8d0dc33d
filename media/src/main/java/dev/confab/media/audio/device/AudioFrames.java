package dev.confab.media.audio.device;

import javax.sound.sampled.AudioFormat;

/**
 * The one audio format the call engine works in, 48 kHz 16-bit mono in 20 ms frames of {@code short[960]}, and the
 * conversions to and from the little-endian mono or stereo bytes of a device line. Stateless and thread-safe.
 */
public final class AudioFrames {
    public static final int SAMPLE_RATE = 48_000;
    public static final int FRAME_MILLIS = 20;
    public static final int SAMPLES_PER_FRAME = SAMPLE_RATE * FRAME_MILLIS / 1000;
    public static final long FRAME_NANOS = FRAME_MILLIS * 1_000_000L;

    private AudioFrames() {}

    /** A new, silent frame. */
    public static short[] newFrame() {
        return new short[SAMPLES_PER_FRAME];
    }

    /** 48 kHz signed 16-bit little-endian PCM with {@code channels} interleaved channels. */
    public static AudioFormat lineFormat(int channels) {
        return new AudioFormat(SAMPLE_RATE, 16, channels, true, false);
    }

    /** The bytes of one frame on a line with {@code channels} channels. */
    public static int lineFrameBytes(int channels) {
        return SAMPLES_PER_FRAME * 2 * channels;
    }

    /** Writes a mono frame as line bytes, duplicating each sample into every channel. */
    public static void toLine(short[] frame, byte[] line, int channels) {
        int at = 0;
        for (short sample : frame) {
            for (int c = 0; c < channels; c++) {
                line[at++] = (byte) sample;
                line[at++] = (byte) (sample >> 8);
            }
        }
    }

    /** Reads line bytes into a mono frame, averaging the channels. */
    public static void fromLine(byte[] line, int channels, short[] frame) {
        int at = 0;
        for (int i = 0; i < frame.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += (short) ((line[at] & 0xff) | (line[at + 1] << 8));
                at += 2;
            }
            frame[i] = (short) (sum / channels);
        }
    }
}
