package dev.confab.media.video.capture;

import dev.confab.media.video.capture.CameraException.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The cameras of this machine, through a {@link CameraDriver} (usually {@link CompositeCameraDriver#standard()}): lists
 * them, opens one by name at a wanted size and frame rate, and watches them come and go. Each listing asks the
 * drivers afresh. A thread of its own ({@code camera-watch}) lists them again every rescan interval and reports
 * {@link CameraEvent.Added} and {@link CameraEvent.Removed}, ending the capture of a camera that went away; a camera
 * that comes back can be opened again.
 *
 * <p>Opening picks the device mode with {@link ModeChooser} (at least the wanted size, the wanted rate if it can) and
 * scales the pictures to the wanted size; one capture per camera at a time.
 *
 * <p>Thread-safe. The listener is called on the watch thread and on capture threads, and must return quickly.
 */
public final class Cameras implements AutoCloseable {
    private static final long STOP_MILLIS = 2_000;

    private final CameraDriver driver;
    private final CamerasOptions options;
    private final Consumer<CameraEvent> listener;
    private final Map<String, CameraCapture> captures = new ConcurrentHashMap<>();
    private final Object opening = new Object();
    private final ScheduledExecutorService watcher;
    /** The last listing, by name; the watch thread's alone once it runs. */
    private Map<String, Camera> known;
    private volatile boolean closed;

    private Cameras(CameraDriver driver, CamerasOptions options, Consumer<CameraEvent> listener) {
        this.driver = driver;
        this.options = options;
        this.listener = listener;
        this.known = byName(list());
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "camera-watch");
            thread.setDaemon(true);
            return thread;
        });
        long interval = options.rescanInterval().toMillis();
        watcher.scheduleWithFixedDelay(this::rescan, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Lists the cameras once and starts watching them; events go to {@code listener}. */
    public static Cameras start(CameraDriver driver, CamerasOptions options, Consumer<CameraEvent> listener) {
        return new Cameras(driver, options, listener);
    }

    /** The cameras present now. */
    public List<Camera> list() {
        return driver.cameras().stream().map(CameraDevice::describe).toList();
    }

    /** The camera of that name, if it is present now. */
    public Optional<Camera> find(String name) {
        return list().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Opens the camera named {@code name} and starts delivering frames of {@code wanted}'s size to {@code consumer},
     * at {@code wanted}'s frame rate or the camera's if that is lower ({@link CameraCapture#mode()}).
     *
     * @throws CameraException {@code NO_CAMERA} when no camera of that name is present, {@code BUSY} when it is being
     *                         captured already (here or by another program), {@code UNSUPPORTED_MODE} when its
     *                         pictures are smaller than {@code wanted} or it refuses the mode, {@code FAILED} else
     */
    public CameraCapture open(String name, CameraMode wanted, VideoFrameConsumer consumer) throws CameraException {
        synchronized (opening) {
            if (closed) {
                throw new IllegalStateException("the cameras are closed");
            }
            if (captures.containsKey(name)) {
                throw new CameraException(Kind.BUSY, "Camera \"" + name + "\" is busy: Confab is capturing from it"
                        + " already");
            }
            List<CameraDevice> devices = driver.cameras();
            CameraDevice device = devices.stream().filter(d -> d.getName().equals(name)).findFirst()
                    .orElseThrow(() -> noCamera(name, devices));
            Camera camera = device.describe();
            CameraMode requested = ModeChooser.choose(name, camera.modes(), wanted);
            CameraStream stream = device.openStream(requested);
            if (!stream.mode().covers(wanted.size())) {
                stream.close();
                throw ModeChooser.tooSmall(name, List.of(stream.mode()), wanted);
            }
            CameraCapture capture = new CameraCapture(camera, device, requested, stream,
                    ModeChooser.delivered(stream.mode(), wanted), consumer, listener, options.stallTimeout(),
                    ended -> captures.remove(name, ended));
            captures.put(name, capture);
            capture.start();
            return capture;
        }
    }

    /** Stops watching and ends every capture; idempotent. */
    @Override
    public void close() {
        synchronized (opening) {
            closed = true;
        }
        watcher.shutdownNow();
        try {
            watcher.awaitTermination(STOP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        captures.values().forEach(CameraCapture::close);
    }

    private void rescan() {
        Map<String, Camera> now;
        try {
            now = byName(list());
        } catch (RuntimeException e) {
            return; // A driver that fails to list is asked again next time; cameras are not taken as gone meanwhile.
        }
        for (Map.Entry<String, Camera> gone : known.entrySet()) {
            if (!now.containsKey(gone.getKey())) {
                CameraCapture capture = captures.get(gone.getKey());
                if (capture != null) {
                    capture.endRemoved();
                }
                report(new CameraEvent.Removed(gone.getValue()));
            }
        }
        now.forEach((name, camera) -> {
            if (!known.containsKey(name)) {
                report(new CameraEvent.Added(camera));
            }
        });
        known = now;
    }

    private void report(CameraEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // A listener's failure must not stop the watching; there is no one left to tell.
        }
    }

    private static CameraException noCamera(String name, List<CameraDevice> devices) {
        if (devices.isEmpty()) {
            return new CameraException(Kind.NO_CAMERA, "No camera is connected");
        }
        return new CameraException(Kind.NO_CAMERA, "No camera named \"" + name + "\" is connected; there are: "
                + devices.stream().map(d -> "\"" + d.getName() + "\"").collect(Collectors.joining(", ")));
    }

    private static Map<String, Camera> byName(List<Camera> cameras) {
        Map<String, Camera> byName = new LinkedHashMap<>();
        cameras.forEach(camera -> byName.putIfAbsent(camera.name(), camera));
        return byName;
    }
}
