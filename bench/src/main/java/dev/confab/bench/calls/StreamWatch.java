package dev.confab.bench.calls;

import dev.confab.testkit.PulseAudio;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches where this JVM's PulseAudio streams play and record, asking {@code pactl} every {@value #POLL_MILLIS} ms:
 * Confab reaches a chosen device by opening Java Sound's default line and moving the new stream to it, so a stream
 * that PulseAudio's ALSA plugin makes afresh (as it does when it recovers a line from an underrun or overrun) starts
 * on the default device and stays there. Counts the playing and the recording streams seen on a device other than
 * the chosen.
 *
 * <p>Thread contract: polls on its own thread; the counts may be read from any thread; {@link #close()} stops it.
 */
final class StreamWatch implements AutoCloseable {
    private static final long POLL_MILLIS = 250;
    private static final String PID = Long.toString(ProcessHandle.current().pid());

    private final PulseAudio pulse;
    private final String sink;
    private final String source;
    private final Set<String> strayedPlaying = ConcurrentHashMap.newKeySet();
    private final Set<String> strayedRecording = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("bench-stream-watch").daemon().unstarted(r));

    private StreamWatch(PulseAudio pulse, String sink, String source) {
        this.pulse = pulse;
        this.sink = sink;
        this.source = source;
    }

    /** Starts watching that this JVM plays only to {@code sink} and records only from {@code source}. */
    static StreamWatch start(PulseAudio pulse, String sink, String source) {
        StreamWatch watch = new StreamWatch(pulse, sink, source);
        watch.poller.scheduleWithFixedDelay(watch::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Playing streams of this JVM seen on a sink other than the chosen one. */
    int strayedPlaying() {
        return strayedPlaying.size();
    }

    /** Recording streams of this JVM seen on a source other than the chosen one. */
    int strayedRecording() {
        return strayedRecording.size();
    }

    private void poll() {
        try {
            check("sink-input", "Sink", names("sinks"), sink, strayedPlaying);
            check("source-output", "Source", names("sources"), source, strayedRecording);
        } catch (RuntimeException e) {
            System.out.println("  could not list the streams: " + e.getMessage());
        }
    }

    /** Notes this JVM's streams of a kind ({@code sink-input}) and whether their device ({@code Sink: 2}) is chosen. */
    private void check(String kind, String deviceField, Map<String, String> deviceNames, String chosen,
            Set<String> strayed) {
        String stream = null;
        String device = null;
        for (String line : pulse.pactl("list", kind + "s").split("\n")) {
            String trimmed = line.strip();
            if (!line.startsWith("\t") && line.contains(" #")) {
                stream = kind + line.substring(line.indexOf(" #"));
                device = null;
            } else if (trimmed.startsWith(deviceField + ": ")) {
                device = deviceNames.get(trimmed.substring(deviceField.length() + 2));
            } else if (stream != null && trimmed.equals("application.process.id = \"" + PID + "\"")) {
                if (!chosen.equals(device)) {
                    strayed.add(stream);
                }
            }
        }
    }

    /** The names of the sinks or sources by index. */
    private Map<String, String> names(String kind) {
        Map<String, String> names = new HashMap<>();
        for (String line : pulse.pactl("list", "short", kind).split("\n")) {
            String[] columns = line.split("\t");
            if (columns.length > 1) {
                names.put(columns[0], columns[1]);
            }
        }
        return names;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
