package dev.confab.client.ui.settings;

import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.AudioFrames;
import dev.confab.media.audio.device.DeviceEvent;
import dev.confab.media.audio.device.FrameSupplier;
import dev.confab.media.audio.device.LineOptions;
import dev.confab.media.audio.device.LinePlayout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A second of 440 Hz at -12 dBFS on a speaker, so the user hears which one is chosen. {@link #play} blocks until the
 * tone has been handed to the device (a little over a second); call it off the UI thread. Stateless.
 */
final class TestTone {
    static final double FREQUENCY = 440;
    static final int TONE_FRAMES = 50;
    /** Silence after the tone, so the device's buffer plays out before the line closes. */
    private static final int TAIL_FRAMES = 5;
    private static final double AMPLITUDE = 32767 * 0.25;

    private TestTone() {}

    /** Plays the tone on {@code device}; device events go to {@code events} on the playout thread. */
    static void play(AudioDevices devices, AudioDevice device, Consumer<DeviceEvent> events) throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (LinePlayout playout = LinePlayout.start(devices, device, LineOptions.defaults(), supplier(done),
                events::accept)) {
            done.get(TONE_FRAMES * AudioFrames.FRAME_MILLIS * 3L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Playout pulls frames in real time even without a line, so this only ends a tone that could not play.
        }
    }

    private static FrameSupplier supplier(CompletableFuture<Void> done) {
        return new FrameSupplier() {
            private long sample;
            private int frames;

            @Override
            public void fill(short[] frame) {
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = frames < TONE_FRAMES
                            ? (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * FREQUENCY * sample / AudioFrames.SAMPLE_RATE))
                            : 0;
                    sample++;
                }
                if (++frames == TONE_FRAMES + TAIL_FRAMES) {
                    done.complete(null);
                }
            }
        };
    }
}
