package dev.confab.client.ui.settings;

import dev.confab.media.audio.device.AudioCapture;
import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.DeviceEvent;
import dev.confab.media.audio.device.LineCapture;
import dev.confab.media.audio.device.LineOptions;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Captures from one microphone and reports how loud it is, 0 (silence, or below -60 dBFS) to 1 (full scale), once per
 * 20 ms frame, on the capture thread. Thread-safe; {@link #close()} from any thread.
 */
final class MicrophoneMeter implements AutoCloseable {
    /** The quietest level the meter shows above zero, in dB below full scale. */
    static final double FLOOR_DB = 60;

    private final AudioCapture capture;

    private MicrophoneMeter(AudioCapture capture) {
        this.capture = capture;
    }

    /** Starts capturing from {@code device}; {@code level} and {@code events} are called on the capture thread. */
    static MicrophoneMeter start(AudioDevices devices, AudioDevice device, DoubleConsumer level,
            Consumer<DeviceEvent> events) {
        return new MicrophoneMeter(LineCapture.start(devices, device, LineOptions.defaults(),
                frame -> level.accept(level(frame)), events::accept));
    }

    /** The frame's RMS level on a scale from {@value #FLOOR_DB} dB below full scale (0) to full scale (1). */
    static double level(short[] frame) {
        double sum = 0;
        for (short sample : frame) {
            sum += (double) sample * sample;
        }
        double rms = Math.sqrt(sum / frame.length) / 32768.0;
        if (rms <= 0) {
            return 0;
        }
        double db = 20 * Math.log10(rms);
        return Math.clamp((db + FLOOR_DB) / FLOOR_DB, 0.0, 1.0);
    }

    @Override
    public void close() {
        capture.close();
    }
}
