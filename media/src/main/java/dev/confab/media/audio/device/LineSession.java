package dev.confab.media.audio.device;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.sound.sampled.LineUnavailableException;

/**
 * The line a capture or playout thread works on, and its recovery: it opens the chosen device (or, once that is gone,
 * the system default), takes the line as lost when it stops moving samples or its device disappears, and opens a new
 * one, retrying after failures; each step is reported to the listener and counted. A line routed to a PulseAudio
 * device whose stream the sound server replaced (after an underrun, on the default device) is lost too. The audio
 * thread calls everything but {@link #interrupt()}; a watcher thread checks that the device (and the stream) is still
 * there.
 */
final class LineSession {
    /** Even with the server's events followed, a chosen PulseAudio device is checked at least this often. */
    private static final long RECHECK_NANOS = 30_000_000_000L;

    private final AudioDevices devices;
    private final LineOpener opener;
    private final AudioDevice chosen;
    private final LineOptions options;
    private final Consumer<DeviceEvent> listener;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService watcher;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong underruns = new AtomicLong();
    private final AtomicLong overruns = new AtomicLong();
    private final AtomicLong losses = new AtomicLong();
    private final AtomicLong openings = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();
    private volatile OpenedLine line;
    private volatile boolean deviceGone;
    private volatile boolean streamReplaced;
    // Watcher thread.
    private long changesChecked = -2;
    private long checkedAt;
    private long stalledSince = -1;
    private long retryAt;
    private boolean failureReported;

    LineSession(AudioDevices devices, AudioDevice chosen, LineOptions options, Consumer<DeviceEvent> listener) {
        this.devices = devices;
        this.opener = new LineOpener(devices);
        this.chosen = chosen;
        this.options = options;
        this.listener = listener;
        this.nanoClock = System::nanoTime;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audio-device-watch");
            thread.setDaemon(true);
            return thread;
        });
        long interval = options.presenceInterval().toMillis();
        watcher.scheduleWithFixedDelay(this::checkPresence, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** The open line, opening one if none is and a retry is due; null while there is none. */
    OpenedLine line() {
        if (line != null && deviceGone) {
            lost("the device was removed");
        } else if (line != null && streamReplaced) {
            lost("the sound server replaced the stream on its default device");
        }
        if (line == null && nanoClock.getAsLong() - retryAt >= 0) {
            open();
        }
        return line;
    }

    /**
     * Records that a read or write moved {@code moved} of {@code wanted} bytes; a line that moves nothing for longer
     * than the stall timeout is lost. Returns whether the line is still open.
     */
    boolean moved(int moved, int wanted) {
        long now = nanoClock.getAsLong();
        if (moved >= wanted) {
            stalledSince = -1;
        } else if (stalledSince < 0) {
            stalledSince = now;
        } else if (now - stalledSince > options.stallTimeout().toNanos()) {
            lost("the line stopped moving samples");
        }
        return line != null;
    }

    void frame() {
        frames.incrementAndGet();
    }

    void underrun() {
        report(new DeviceEvent.Underrun(underruns.incrementAndGet()));
    }

    void overrun() {
        report(new DeviceEvent.Overrun(overruns.incrementAndGet()));
    }

    void report(DeviceEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // A listener's failure must not stop the sound; there is no one left to tell.
        }
    }

    LineStats stats() {
        return new LineStats(frames.get(), underruns.get(), overruns.get(), losses.get(), openings.get(),
                checks.get());
    }

    /** Makes a blocked read or write on the line return, from another thread, so the audio thread can end. */
    void interrupt() {
        OpenedLine current = line;
        if (current != null) {
            current.line().stop();
            current.line().flush();
        }
    }

    /** Stops the watcher and closes the line; on the audio thread, as it ends. */
    void close() {
        watcher.shutdownNow();
        OpenedLine current = line;
        line = null;
        if (current != null) {
            current.line().close();
        }
    }

    private void lost(String reason) {
        OpenedLine current = line;
        line = null;
        current.line().close();
        losses.incrementAndGet();
        report(new DeviceEvent.Lost(current.device(), reason));
        retryAt = nanoClock.getAsLong();
    }

    private void open() {
        AudioDevice target = chosen.followsSystemDefault() || devices.isPresent(chosen)
                ? chosen : AudioDevice.systemDefault(chosen.direction());
        try {
            OpenedLine opened = opener.open(target, options.bufferMillis());
            deviceGone = false;
            streamReplaced = false;
            stalledSince = -1;
            failureReported = false;
            line = opened;
            openings.incrementAndGet();
            report(new DeviceEvent.Opened(target, opened.channels(), opened.line().getBufferSize()));
        } catch (LineUnavailableException | RuntimeException e) {
            retryAt = nanoClock.getAsLong() + options.retryInterval().toNanos();
            if (!failureReported) {
                failureReported = true;
                report(new DeviceEvent.OpenFailed(target, String.valueOf(e.getMessage())));
            }
        }
    }

    /**
     * On the watcher thread: whether the device is still there, and whether a line routed to a PulseAudio device still
     * has its stream. When a line falls behind, ALSA's pulse plugin recovers it by making a new stream, which lands on
     * the server's default device: the line then played or recorded elsewhere without a word. Now it is taken as lost
     * and opened again on its device, the way a removed device is.
     */
    private void checkPresence() {
        OpenedLine current = line;
        if (current == null || current.device().followsSystemDefault() || !changedSinceChecked(current)) {
            return;
        }
        if (!devices.isPresent(current.device())) {
            deviceGone = true;
        } else if (current.pulseStream().isPresent()) {
            devices.pulse().ownStreams(current.device().direction()).ifPresent(streams -> {
                if (!streams.contains(current.pulseStream().get()) && current == line) {
                    streamReplaced = true;
                }
            });
        }
    }

    /**
     * Whether the check is worth its cost now: for a PulseAudio device only when the server's devices or streams came
     * or went since the last check (or {@link #RECHECK_NANOS} passed, in case an event was missed); always while no
     * subscription to the server's events runs, and for other devices.
     */
    private boolean changedSinceChecked(OpenedLine current) {
        long now = nanoClock.getAsLong();
        boolean pulse = current.device().kind() == AudioDevice.Kind.PULSE_AUDIO;
        long changes = pulse ? PulseChangeFeed.shared().changes() : -1;
        if (changes >= 0 && changes == changesChecked && now - checkedAt < RECHECK_NANOS) {
            return false;
        }
        changesChecked = changes;
        checkedAt = now;
        checks.incrementAndGet();
        return true;
    }
}
