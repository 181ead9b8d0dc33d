package dev.confab.bench.calls;

import dev.confab.bench.Spread;
import dev.confab.media.audio.device.LineOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rows and the explanation of the mouth-to-ear measurement through virtual devices ({@link DeviceLatency}) in the
 * calls report, beside the pipeline's figure without devices ({@link PipelineLatency}). Stateless.
 */
final class DeviceLatencyReport {
    /** The line buffer size that LineOptions.defaults() asks for, which the app uses. */
    static final int DEFAULT_BUFFER_MILLIS = LineOptions.defaults().bufferMillis();

    private DeviceLatencyReport() {
    }

    /** The table: one row per phase, lines alone and call for each buffer size. */
    static List<String> table(DeviceLatencyJvm.Result result) {
        List<String> lines = new ArrayList<>(List.of(
                "| mouth-to-ear through PulseAudio virtual devices | line buffers, each way (ms) | measuring path,"
                        + " median (ms) | measured, median (ms) | mouth-to-ear: median (ms) | min | max | bursts heard"
                        + " | missed | Confab's streams off their device, playout / capture | capture overruns / playout"
                        + " underruns / lines lost | load average (1 min, 2 cores) |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"));
        for (DevicePhase phase : result.phases()) {
            Spread latency = Spread.of(phase.mouthToEar());
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d | %d | %d / %d |"
                    + " %d / %d / %d | %.1f |", label(phase.route()), buffers(phase),
                    millis(Spread.of(phase.reference()).median()), millis(Spread.of(phase.measured()).median()),
                    millis(latency.median()), millis(latency.min()), millis(latency.max()), latency.count(),
                    phase.missed(), phase.strayedPlayout(), phase.strayedCapture(), phase.overruns(),
                    phase.underruns(), phase.losses(), phase.loadAverage()));
        }
        for (String failure : result.failures()) {
            lines.add("| could not be measured: " + failure.replace("|", "/") + " | | | | | | | | | | | |");
        }
        return lines;
    }

    /**
     * What the devices add: a call through them with the default line buffers against the pipeline without devices,
     * and the device lines alone; empty if a default phase was not measured.
     */
    static Optional<String> summary(DeviceLatencyJvm.Result result, double pipelineMedian) {
        Optional<DevicePhase> call = phase(result, DeviceRoute.CALL);
        Optional<DevicePhase> lines = phase(result, DeviceRoute.LINES);
        if (call.isEmpty() || call.get().mouthToEar().isEmpty()) {
            return Optional.empty();
        }
        double throughDevices = Spread.of(call.get().mouthToEar()).median();
        String summary = String.format(Locale.ROOT, "With the app's %d ms line buffers a call measures %.1f ms"
                + " mouth-to-ear through the devices (median of %d bursts heard), against %.1f ms for the pipeline"
                + " without devices: the devices add %.1f ms.", DEFAULT_BUFFER_MILLIS, throughDevices,
                call.get().mouthToEar().size(), pipelineMedian, throughDevices - pipelineMedian);
        if (lines.isPresent() && !lines.get().mouthToEar().isEmpty()) {
            summary += String.format(Locale.ROOT, " The two lines alone, capture straight into playout, take %.1f ms.",
                    Spread.of(lines.get().mouthToEar()).median());
        }
        return Optional.of(summary);
    }

    /** The paragraph saying how it was measured. */
    static String notes(int warmUp) {
        return String.format(Locale.ROOT, """
                Through devices: a private PulseAudio daemon (null sinks, no sound card) in a JVM of its own, with a\
                 talker's microphone (a null sink, whose monitor a remap source turns into the microphone) and a\
                 listener's speaker (a null sink), neither of them the system default (the defaults are a silent\
                 microphone and a speaker no one hears). Confab's capture line reads the microphone and its playout\
                 line plays to the speaker, as the app opens them for a call (LineCapture, LinePlayout, Java Sound\
                 through ALSA's pulse plugin, moved to the chosen device), joined either straight (each captured\
                 20 ms frame handed to the playout, at most two held) or by a call (two media sessions on loopback,\
                 as in the row above). A mouth (pacat, fed a 20 ms frame every 20 ms) plays the same burst once a\
                 second into the microphone's sink; two ears (parec, the same settings, read as they deliver) note\
                 when each burst arrives at that sink's monitor, the sound entering the microphone, and at the\
                 speaker's monitor, the sound leaving the speaker. "Measuring path" is the mouth to the first ear (the\
                 player's buffer and the recorder's delay), "measured" the mouth to the second ear, and mouth-to-ear\
                 their difference per burst: both ears carry the same recorder's delay, so it cancels (two ears on the\
                 same sound agree within 0.1 ms here), and what is left is the capture line, the route, the playout line and\
                 the speaker's sink. The straight route shows what the two lines cost on their own; like the pipeline\
                 figure it includes the 20 ms framing and the wait for the playout's next pull, so the two do not\
                 add up to the call. %d unmeasured bursts first; a burst is missed if either ear does not hear it\
                 within 0.9 s, and left out of the figures. "Off their device": Confab's streams that a watch\
                 (pactl every 500 ms) saw on a device other than the chosen one. Confab reaches a chosen PulseAudio\
                 device by opening Java Sound's default line and moving the new stream; when a line falls behind\
                 (an underrun or overrun) Java Sound recovers it through ALSA, whose pulse plugin then makes a new\
                 stream on the default device; Confab's line watcher notices within a second that its stream was\
                 replaced and opens the line again on the chosen device (the watch may see the stray stream meanwhile,\
                 and "lines lost" counts it). The daemon runs its device threads real-time (SCHED_RR),\
                 Confab's line threads run at normal priority (Java's thread priorities are not applied on Linux), so\
                 on a busy machine it is the lines that fall behind, hence the load column. Capture overruns and\
                 playout underruns are Confab's own counters (a line found full or empty when read or\
                 written).""", warmUp);
    }

    /** Milliseconds to a tenth, or a dash where no burst was heard. */
    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static Optional<DevicePhase> phase(DeviceLatencyJvm.Result result, DeviceRoute route) {
        return result.phases().stream()
                .filter(p -> p.route() == route && p.bufferMillis() == DEFAULT_BUFFER_MILLIS)
                .findFirst();
    }

    private static String label(DeviceRoute route) {
        return switch (route) {
            case LINES -> "capture line straight into playout line";
            case CALL -> "call: capture line, two media sessions on loopback, playout line";
        };
    }

    /** The buffer asked for, and what each line was granted where that differs. */
    private static String buffers(DevicePhase phase) {
        if (phase.captureBufferMillis() == phase.bufferMillis() && phase.playoutBufferMillis() == phase.bufferMillis()) {
            return Integer.toString(phase.bufferMillis());
        }
        return String.format(Locale.ROOT, "%d (granted %.0f / %.0f)", phase.bufferMillis(),
                phase.captureBufferMillis(), phase.playoutBufferMillis());
    }
}
