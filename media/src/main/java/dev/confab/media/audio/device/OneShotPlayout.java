package dev.confab.media.audio.device;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A short sound played once on a speaker (a chime, a test tone): its samples, then a little silence so the device's
 * buffer plays out before the line closes. {@link #play} blocks until the sound has been handed to the device; call
 * it off the UI thread. Stateless.
 */
public final class OneShotPlayout {
    /** Silence after the sound: 100 ms, more than the line's buffer (60 ms by default). */
    private static final int TAIL_FRAMES = 5;

    private OneShotPlayout() {
    }

    /** Plays {@code sound} (48 kHz mono) on {@code device}; device events go to {@code events} on the playout thread. */
    public static void play(AudioDevices devices, AudioDevice device, short[] sound, Consumer<DeviceEvent> events)
            throws InterruptedException {
        int frames = (sound.length + AudioFrames.SAMPLES_PER_FRAME - 1) / AudioFrames.SAMPLES_PER_FRAME + TAIL_FRAMES;
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (LinePlayout playout = LinePlayout.start(devices, device, LineOptions.defaults(),
                supplier(sound, frames, done), events::accept)) {
            done.get(frames * AudioFrames.FRAME_MILLIS * 3L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Playout pulls frames in real time even without a line, so this only ends a sound that could not play.
        }
    }

    private static FrameSupplier supplier(short[] sound, int frames, CompletableFuture<Void> done) {
        return new FrameSupplier() {
            private int at;
            private int filled;

            @Override
            public void fill(short[] frame) {
                for (int i = 0; i < frame.length; i++, at++) {
                    frame[i] = at < sound.length ? sound[at] : 0;
                }
                if (++filled == frames) {
                    done.complete(null);
                }
            }
        };
    }
}
