package dev.confab.client.ui.calls;

import dev.confab.media.audio.device.AudioFrames;
import dev.confab.media.audio.device.FrameSupplier;

/**
 * The ringtone's sound, generated: two tones (440 Hz and 480 Hz, as a North American ring) for two seconds, then
 * four seconds of silence, again and again, at a moderate level, 48 kHz mono in 20 ms frames.
 *
 * <p>Not thread-safe: one playout thread calls {@link #fill}.
 */
final class RingPattern implements FrameSupplier {
    static final int ON_SAMPLES = 2 * AudioFrames.SAMPLE_RATE;
    static final int PERIOD_SAMPLES = 6 * AudioFrames.SAMPLE_RATE;
    /** Each tone's amplitude: together about a quarter of full scale. */
    private static final double AMPLITUDE = 0.125 * Short.MAX_VALUE;

    private long sample;

    @Override
    public void fill(short[] frame) {
        for (int i = 0; i < frame.length; i++, sample++) {
            int inPeriod = (int) (sample % PERIOD_SAMPLES);
            if (inPeriod >= ON_SAMPLES) {
                frame[i] = 0;
                continue;
            }
            double t = (double) sample / AudioFrames.SAMPLE_RATE;
            double fade = Math.min(1, Math.min(inPeriod, ON_SAMPLES - inPeriod) / 480.0);
            frame[i] = (short) (fade * AMPLITUDE
                    * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t)));
        }
    }
}
