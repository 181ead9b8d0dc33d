package dev.confab.bench.calls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one {@link DeviceLatency} run of bursts found, for one route and one line buffer size. Per burst heard at both
 * places: {@code reference}, from the mouth handing it to the player to its arrival at the microphone's own monitor
 * (the measuring path alone), and {@code measured}, from the mouth to its arrival at the speaker's monitor; their
 * difference is the burst's mouth-to-ear latency. Sent from the JVM that measures to the one that reports as one line
 * of {@code key=value} fields. Immutable.
 *
 * @param route               what joined the two lines
 * @param bufferMillis        the line buffer asked for, each way ({@code LineOptions.bufferMillis})
 * @param captureBufferMillis the capture line's buffer as granted
 * @param playoutBufferMillis the playout line's buffer as granted
 * @param seconds             how long the bursts ran, warm-up included, over which the counters below count
 * @param missed              measured bursts not heard at the microphone or the speaker in time
 * @param overruns            times the capture line found its buffer full
 * @param underruns           times the playout line found its buffer empty
 * @param losses              lines lost (broken, or stalled past the timeout) on either side
 * @param strayedPlayout      Confab's playing streams seen on a sink other than the chosen ({@link StreamWatch})
 * @param strayedCapture      Confab's recording streams seen on a source other than the chosen
 * @param loadAverage         the machine's load average over the last minute as the phase ended
 * @param reference           per burst heard, the measuring path's own latency (ms)
 * @param measured            per burst heard, the latency from the mouth to the speaker (ms)
 */
record DevicePhase(DeviceRoute route, int bufferMillis, double captureBufferMillis, double playoutBufferMillis,
        double seconds, int missed, long overruns, long underruns, long losses, int strayedPlayout, int strayedCapture,
        double loadAverage, List<Double> reference,
        List<Double> measured) {
    /** How a phase's line starts in the measuring JVM's output. */
    static final String PREFIX = "phase ";

    DevicePhase {
        reference = List.copyOf(reference);
        measured = List.copyOf(measured);
        if (reference.size() != measured.size()) {
            throw new IllegalArgumentException("a reference for every measured burst: " + reference.size() + " and "
                    + measured.size());
        }
    }

    /** Per burst, mouth-to-ear: measured less the reference. */
    List<Double> mouthToEar() {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            latencies.add(measured.get(i) - reference.get(i));
        }
        return latencies;
    }

    /** The phase as one line, {@link #PREFIX} first. */
    String line() {
        return PREFIX + String.format(Locale.ROOT, "route=%s buffer=%d capture-buffer=%.1f playout-buffer=%.1f"
                + " seconds=%.1f missed=%d overruns=%d underruns=%d losses=%d strayed-playout=%d strayed-capture=%d load=%.2f"
                + " reference=%s measured=%s", route, bufferMillis, captureBufferMillis, playoutBufferMillis, seconds,
                missed, overruns, underruns, losses, strayedPlayout, strayedCapture, loadAverage, joined(reference),
                joined(measured));
    }

    /** The phase a {@link #line()} describes. */
    static DevicePhase parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a phase: " + line);
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : line.substring(PREFIX.length()).split(" ")) {
            int equals = field.indexOf('=');
            fields.put(field.substring(0, equals), field.substring(equals + 1));
        }
        return new DevicePhase(DeviceRoute.valueOf(fields.get("route")), Integer.parseInt(fields.get("buffer")),
                Double.parseDouble(fields.get("capture-buffer")), Double.parseDouble(fields.get("playout-buffer")),
                Double.parseDouble(fields.get("seconds")), Integer.parseInt(fields.get("missed")),
                Long.parseLong(fields.get("overruns")), Long.parseLong(fields.get("underruns")),
                Long.parseLong(fields.get("losses")), Integer.parseInt(fields.get("strayed-playout")),
                Integer.parseInt(fields.get("strayed-capture")), Double.parseDouble(fields.get("load")), split(fields.get("reference")), split(fields.get("measured")));
    }

    private static String joined(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(","));
    }

    private static List<Double> split(String values) {
        return values.isEmpty() ? List.of() : Arrays.stream(values.split(",")).map(Double::valueOf).toList();
    }
}
