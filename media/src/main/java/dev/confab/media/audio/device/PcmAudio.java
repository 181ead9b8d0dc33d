package dev.confab.media.audio.device;

/**
 * Signed 16-bit PCM held in memory, channels interleaved. The array is shared, not copied: treat it as read-only once
 * the value is made.
 */
public record PcmAudio(int sampleRate, int channels, short[] samples) {
    public PcmAudio {
        if (sampleRate <= 0 || channels <= 0 || samples.length % channels != 0) {
            throw new IllegalArgumentException("bad PCM: " + sampleRate + " Hz, " + channels + " channels, "
                    + samples.length + " samples");
        }
    }

    /** 48 kHz mono, the call engine's format. */
    public static PcmAudio mono48k(short[] samples) {
        return new PcmAudio(AudioFrames.SAMPLE_RATE, 1, samples);
    }

    /** Samples per channel. */
    public int frames() {
        return samples.length / channels;
    }

    /** This audio with its channels averaged into one. */
    public PcmAudio mono() {
        if (channels == 1) {
            return this;
        }
        short[] mono = new short[frames()];
        for (int i = 0; i < mono.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += samples[i * channels + c];
            }
            mono[i] = (short) (sum / channels);
        }
        return new PcmAudio(sampleRate, 1, mono);
    }
}
