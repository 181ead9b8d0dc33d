package dev.confab.media.audio.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Talks to the PulseAudio (or PipeWire) server with {@code pactl}: lists its sinks and sources, and moves this JVM's
 * streams to a chosen one. Java Sound cannot: through ALSA it sees only the server's {@code default} device. Absent
 * when {@code pactl} is not installed or no server answers. Thread-safe; each call runs one short-lived process.
 */
final class PulseAudioControl {
    private static final long TIMEOUT_SECONDS = 5;
    private static final String PID = Long.toString(ProcessHandle.current().pid());

    /** A server answered {@code pactl info} just now. */
    boolean available() {
        return run("info").isPresent();
    }

    /** The server's sinks (playout) or sources (capture), monitors left out; empty when no server answers. */
    List<AudioDevice> devices(Direction direction) {
        String kind = direction == Direction.PLAYOUT ? "sink" : "source";
        Optional<String> listing = run("list", kind + "s");
        if (listing.isEmpty()) {
            return List.of();
        }
        String defaultName = run("get-default-" + kind).map(String::strip).orElse("");
        return PactlListing.parse(listing.get()).stream()
                .filter(o -> o.containsKey("Name"))
                .filter(o -> !"monitor".equals(o.get("device.class")))
                .map(o -> new AudioDevice(o.get("Name"), o.getOrDefault("Description", o.get("Name")), direction,
                        o.get("Name").equals(defaultName), AudioDevice.Kind.PULSE_AUDIO))
                .toList();
    }

    /**
     * Whether the server has a sink (playout) or source (capture) of that name; false when no server answers. One
     * short listing: a device's watcher asks every second, and the full listing cost twice as much.
     */
    boolean has(Direction direction, String name) {
        String kind = direction == Direction.PLAYOUT ? "sink" : "source";
        return run("list", "short", kind + "s").map(listing -> listing.lines()
                .map(line -> line.split("\t"))
                .anyMatch(fields -> fields.length > 1 && fields[1].equals(name))).orElse(false);
    }

    /** The indices of this JVM's playback (sink input) or capture (source output) streams; empty if none answered. */
    Optional<Set<String>> ownStreams(Direction direction) {
        return run("list", streamKind(direction) + "s").map(listing -> PactlListing.parse(listing).stream()
                .filter(o -> PID.equals(o.get("application.process.id")))
                .map(o -> o.get(PactlListing.INDEX))
                .collect(Collectors.toSet()));
    }

    /** Moves one of this JVM's streams to the named sink or source; false if the server refused. */
    boolean move(Direction direction, String stream, String deviceName) {
        return run("move-" + streamKind(direction), stream, deviceName).isPresent();
    }

    private static String streamKind(Direction direction) {
        return direction == Direction.PLAYOUT ? "sink-input" : "source-output";
    }

    /** {@code pactl} with these arguments, in the C locale (its output is parsed), standard error merged. */
    static ProcessBuilder pactl(String... args) {
        ProcessBuilder builder = new ProcessBuilder(prepend("pactl", args)).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        return builder;
    }

    private static Optional<String> run(String... args) {
        try {
            Process process = pactl(args).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(new String(output, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static List<String> prepend(String first, String... rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.Arrays.stream(rest)).toList();
    }
}
