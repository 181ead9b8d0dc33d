package dev.confab.media.video.capture;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cameras that play video files, each given a name: any container and codec FFmpeg reads, looped, in real time at the
 * file's frame rate. A camera is listed while its file is there and holds video, so removing the file unplugs it and
 * putting it back plugs it in again. Thread-safe.
 */
public final class VideoFileDriver implements CameraDriver {
    private final Clock clock;
    private final Map<String, VideoFileCamera> cameras = new ConcurrentHashMap<>();

    /** A driver whose cameras stamp frames with {@code clock}'s time. */
    public VideoFileDriver(Clock clock) {
        this.clock = clock;
    }

    /** Adds (or replaces) the camera {@code name} playing {@code file}. */
    public VideoFileDriver add(String name, Path file) {
        cameras.put(name, new VideoFileCamera(name, file, clock));
        return this;
    }

    /** The cameras whose files are there and hold video, by name. */
    @Override
    public List<CameraDevice> cameras() {
        return cameras.values().stream().filter(VideoFileCamera::isPresent)
                .sorted(Comparator.comparing(VideoFileCamera::getName))
                .<CameraDevice>map(camera -> camera).toList();
    }
}
