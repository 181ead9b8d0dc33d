package dev.confab.bench.calls;

import static org.awaitility.Awaitility.await;

import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.DeviceEvent;
import dev.confab.media.audio.device.FrameConsumer;
import dev.confab.media.audio.device.FrameSupplier;
import dev.confab.media.audio.device.LineCapture;
import dev.confab.media.audio.device.LineOptions;
import dev.confab.media.audio.device.LinePlayout;
import dev.confab.media.audio.device.LineStats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Confab's capture line on the talker's microphone and its playout line on the listener's speaker, as the app opens
 * them for a call ({@link LineCapture}, {@link LinePlayout}), joined by a {@link DeviceRoute}; with the line buffers
 * the devices granted and what went wrong on them (lines lost, opens failed, callbacks that threw).
 *
 * <p>Thread contract: thread-safe; {@link #close()} stops the lines, then the call if there is one.
 */
final class RoutedLines implements AutoCloseable {
    private final AtomicReference<DeviceEvent.Opened> captureOpened = new AtomicReference<>();
    private final AtomicReference<DeviceEvent.Opened> playoutOpened = new AtomicReference<>();
    private final List<String> troubles = new CopyOnWriteArrayList<>();
    private final LoopbackSessions call;
    private LineCapture capture;
    private LinePlayout playout;

    private RoutedLines(LoopbackSessions call) {
        this.call = call;
    }

    /** Connects the route (a call takes a second or so) and opens both lines with {@code options}. */
    static RoutedLines start(DeviceRoute route, AudioDevices devices, AudioDevice microphone, AudioDevice speaker,
            LineOptions options) throws Exception {
        LoopbackSessions call = route == DeviceRoute.CALL ? new LoopbackSessions() : null;
        RoutedLines lines = new RoutedLines(call);
        try {
            FrameHandOff handOff = new FrameHandOff();
            FrameConsumer into = call == null ? handOff : call.talker().microphone();
            FrameSupplier outOf = call == null ? handOff : call.listener().speaker();
            lines.capture = LineCapture.start(devices, microphone, options, into,
                    lines.events("capture", lines.captureOpened));
            lines.playout = LinePlayout.start(devices, speaker, options, outOf,
                    lines.events("playout", lines.playoutOpened));
            return lines;
        } catch (Exception | Error e) {
            lines.close();
            throw e;
        }
    }

    /** Waits until both lines are open and the capture line delivers the microphone's frames. */
    void awaitFlowing(Duration timeout) {
        await("both lines open and the microphone's frames flowing").atMost(timeout)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> captureOpened.get() != null && playoutOpened.get() != null
                        && capture.stats().frames() > 10);
    }

    LineStats captureStats() {
        return capture.stats();
    }

    LineStats playoutStats() {
        return playout.stats();
    }

    /** The capture line's buffer in milliseconds as the device granted it (0 before it opened). */
    double captureBufferMillis() {
        return millis(captureOpened.get());
    }

    /** The playout line's buffer in milliseconds as the device granted it (0 before it opened). */
    double playoutBufferMillis() {
        return millis(playoutOpened.get());
    }

    private static double millis(DeviceEvent.Opened opened) {
        return opened == null ? 0 : opened.bufferBytes() * 1000.0 / (2 * opened.channels() * Bursts.RATE);
    }

    /** Lines lost, opens failed and callbacks that threw, in the order reported. */
    List<String> troubles() {
        return List.copyOf(troubles);
    }

    private Consumer<DeviceEvent> events(String line, AtomicReference<DeviceEvent.Opened> lastOpened) {
        return event -> {
            switch (event) {
                case DeviceEvent.Opened opened -> lastOpened.set(opened);
                case DeviceEvent.Underrun _, DeviceEvent.Overrun _ -> {
                    // Counted in the line's stats.
                }
                case DeviceEvent.Lost _, DeviceEvent.OpenFailed _, DeviceEvent.CallbackFailed _ ->
                        troubles.add(line + ": " + event);
            }
        };
    }

    @Override
    public void close() {
        if (capture != null) {
            capture.close();
        }
        if (playout != null) {
            playout.close();
        }
        if (call != null) {
            call.close();
        }
    }
}
