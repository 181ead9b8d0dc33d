package dev.confab.media.video.capture;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Cameras through FFmpeg's avdevice, generic over the input format and device string: {@link #system()} lists this
 * machine's cameras (V4L2 on Linux, DirectShow on Windows, AVFoundation on macOS), {@link #of} serves fixed sources
 * such as lavfi filter graphs. A device keeps its camera object while it stays listed. Thread-safe.
 */
public final class AvDeviceDriver implements CameraDriver {
    private final Supplier<List<AvDeviceSource>> lister;
    private final Clock clock;
    private final Map<AvDeviceSource, AvDeviceCamera> cameras = new ConcurrentHashMap<>();

    private AvDeviceDriver(Supplier<List<AvDeviceSource>> lister, Clock clock) {
        this.lister = lister;
        this.clock = clock;
    }

    /** This machine's cameras, listed afresh on each call, frames stamped with the system clock's time. */
    public static AvDeviceDriver system() {
        return new AvDeviceDriver(SystemCameras::list, Clock.systemUTC());
    }

    /** Exactly these sources, frames stamped with {@code clock}'s time. */
    public static AvDeviceDriver of(Clock clock, AvDeviceSource... sources) {
        List<AvDeviceSource> fixed = List.of(sources);
        return new AvDeviceDriver(() -> fixed, clock);
    }

    @Override
    public List<CameraDevice> cameras() {
        List<AvDeviceSource> sources = lister.get();
        cameras.keySet().retainAll(sources);
        return sources.stream()
                .<CameraDevice>map(source -> cameras.computeIfAbsent(source, s -> new AvDeviceCamera(s, clock)))
                .toList();
    }
}
