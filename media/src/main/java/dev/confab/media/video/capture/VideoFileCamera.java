package dev.confab.media.video.capture;

import dev.confab.media.video.capture.DecodedStream.Behaviour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A video file as a camera: its one mode is the file's size and frame rate, read by opening it in FFmpeg, again only
 * when the file changed (its size or modification time). Thread-safe.
 */
final class VideoFileCamera extends AbstractCameraDevice {
    private final String name;
    private final Path file;
    private final Clock clock;
    private volatile Probe probe;

    /** What a look into the file found, for the file as it was then. */
    private record Probe(long bytes, long modified, List<CameraMode> modes) {}

    VideoFileCamera(String name, Path file, Clock clock) {
        this.name = name;
        this.file = file;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return name;
    }

    /** Whether the file is there and holds video FFmpeg can decode. */
    boolean isPresent() {
        return !modes().isEmpty();
    }

    @Override
    public List<CameraMode> modes() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return List.of();
        }
        long modified = attributes.lastModifiedTime().toMillis();
        Probe known = probe;
        if (known == null || known.bytes() != attributes.size() || known.modified() != modified) {
            known = new Probe(attributes.size(), modified, look());
            probe = known;
        }
        return known.modes();
    }

    @Override
    public CameraStream openStream(CameraMode mode) throws CameraException {
        return new DecodedStream(name, openInput(), this::openInput, Behaviour.LOOPING_FILE, clock);
    }

    private AvInput openInput() throws CameraException {
        if (!Files.isReadable(file)) {
            throw new CameraException(CameraException.Kind.NO_CAMERA, "The video file " + file + " of camera \"" + name
                    + "\" is not there");
        }
        return AvInput.open(name, null, file.toString(), Map.of());
    }

    private List<CameraMode> look() {
        try (AvInput input = openInput()) {
            return List.of(new CameraMode(input.size(), input.frameRate()));
        } catch (CameraException e) {
            return List.of();
        }
    }
}
