package dev.confab.media.video.capture;

import dev.confab.media.video.capture.DecodedStream.Behaviour;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A camera reached through FFmpeg's avdevice: each stream opens the device with the mode's {@code video_size},
 * {@code framerate} and {@code input_format} (raw pixels preferred over MJPEG where the device offers both at that
 * mode), decodes what it sends and converts it to I420. A lavfi source takes no options: it delivers what its filter
 * graph makes. Thread-safe.
 */
final class AvDeviceCamera extends AbstractCameraDevice {
    private final AvDeviceSource source;
    private final Clock clock;
    private final List<CameraMode> modes;

    AvDeviceCamera(AvDeviceSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
        this.modes = source.modes().stream().map(AvDeviceMode::mode).distinct()
                .sorted(Comparator.comparingInt((CameraMode m) -> m.size().pixels())
                        .thenComparingInt(CameraMode::frameRate))
                .toList();
    }

    @Override
    public String getName() {
        return source.name();
    }

    @Override
    public List<CameraMode> modes() {
        return modes;
    }

    @Override
    public CameraStream openStream(CameraMode mode) throws CameraException {
        Map<String, String> options = options(mode);
        AvInput input = AvInput.open(source.name(), source.inputFormat(), source.device(), options);
        return new DecodedStream(source.name(), input, null,
                source.unpaced() ? Behaviour.TIMED_SOURCE : Behaviour.DEVICE, clock);
    }

    private Map<String, String> options(CameraMode mode) {
        Map<String, String> options = new LinkedHashMap<>();
        if (source.unpaced()) {
            return options;
        }
        options.put("video_size", mode.size().toString());
        options.put("framerate", Integer.toString(mode.frameRate()));
        source.modes().stream().filter(m -> m.mode().equals(mode) && m.pixelFormat() != null)
                .min(Comparator.comparing(AvDeviceMode::compressed))
                .ifPresent(m -> options.put("input_format", m.pixelFormat()));
        return options;
    }
}
