package dev.confab.client.ui.settings;

import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.AudioFrames;
import dev.confab.media.audio.device.DeviceEvent;
import dev.confab.media.audio.device.OneShotPlayout;
import java.util.function.Consumer;

/**
 * A second of 440 Hz at -12 dBFS on a speaker, so the user hears which one is chosen. {@link #play} blocks until the
 * tone has been handed to the device (a little over a second); call it off the UI thread. Stateless.
 */
final class TestTone {
    static final double FREQUENCY = 440;
    static final int TONE_FRAMES = 50;
    private static final double AMPLITUDE = 32767 * 0.25;

    private TestTone() {}

    /** Plays the tone on {@code device}; device events go to {@code events} on the playout thread. */
    static void play(AudioDevices devices, AudioDevice device, Consumer<DeviceEvent> events) throws InterruptedException {
        short[] tone = new short[TONE_FRAMES * AudioFrames.SAMPLES_PER_FRAME];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * FREQUENCY * i / AudioFrames.SAMPLE_RATE));
        }
        OneShotPlayout.play(devices, device, tone, events);
    }
}
