package dev.confab.bench.calls;

import dev.confab.testkit.PulseAudio;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches where this JVM's PulseAudio streams play and record, asking {@code pactl} every {@value #POLL_MILLIS} ms (two
 * short-lived processes, about 1% of a core):
 * Confab reaches a chosen device by opening Java Sound's default line and moving the new stream to it, so a stream
 * that PulseAudio's ALSA plugin makes afresh (as it does when it recovers a line from an underrun or overrun) starts
 * on the default device and stays there. Counts the playing and the recording streams seen on a device other than
 * the chosen.
 *
 * <p>Thread contract: polls on its own thread; the counts may be read from any thread; {@link #close()} stops it.
 */
final class StreamWatch implements AutoCloseable {
    private static final long POLL_MILLIS = 500;
    private static final String PID = Long.toString(ProcessHandle.current().pid());

    private final PulseAudio pulse;
    private final String sinkIndex;
    private final String sourceIndex;
    private final Set<String> strayedPlaying = ConcurrentHashMap.newKeySet();
    private final Set<String> strayedRecording = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("bench-stream-watch").daemon().unstarted(r));

    private StreamWatch(PulseAudio pulse, String sinkIndex, String sourceIndex) {
        this.pulse = pulse;
        this.sinkIndex = sinkIndex;
        this.sourceIndex = sourceIndex;
    }

    /** Starts watching that this JVM plays only to {@code sink} and records only from {@code source}. */
    static StreamWatch start(PulseAudio pulse, String sink, String source) {
        StreamWatch watch = new StreamWatch(pulse, index(pulse, "sinks", sink), index(pulse, "sources", source));
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
            check("sink-input", "Sink", sinkIndex, strayedPlaying);
            check("source-output", "Source", sourceIndex, strayedRecording);
        } catch (RuntimeException e) {
            System.out.println("  could not list the streams: " + e.getMessage());
        }
    }

    /** Notes this JVM's streams of a kind ({@code sink-input}) whose device ({@code Sink: 2}) is not the chosen one. */
    private void check(String kind, String deviceField, String chosen, Set<String> strayed) {
        String stream = null;
        String device = null;
        for (String line : pulse.pactl("list", kind + "s").split("\n")) {
            String trimmed = line.strip();
            if (!line.startsWith("\t") && line.contains(" #")) {
                stream = kind + line.substring(line.indexOf(" #"));
                device = null;
            } else if (trimmed.startsWith(deviceField + ": ")) {
                device = trimmed.substring(deviceField.length() + 2);
            } else if (stream != null && trimmed.equals("application.process.id = \"" + PID + "\"")
                    && !chosen.equals(device)) {
                strayed.add(stream);
            }
        }
    }

    /** The index of the sink or source named {@code name}, or "none" if there is no such device (nothing matches). */
    private static String index(PulseAudio pulse, String kind, String name) {
        for (String line : pulse.pactl("list", "short", kind).split("\n")) {
            String[] columns = line.split("\t");
            if (columns.length > 1 && columns[1].equals(name)) {
                return columns[0];
            }
        }
        return "none";
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
