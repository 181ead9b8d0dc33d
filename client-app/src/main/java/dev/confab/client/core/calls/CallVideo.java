package dev.confab.client.core.calls;

import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.CameraCapture;
import dev.confab.media.video.capture.CameraException;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.Cameras;
import dev.confab.media.video.capture.VideoFrameConsumer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A call's video: the camera this device sends, by name as {@link Cameras} lists it (none: the call sends no video,
 * and may still show the peer's), the mode asked of it, and where the peer's pictures go. The call starts it when the
 * media connects and closes it when the call ends. Immutable.
 *
 * @param camera the camera's name, or empty for none
 * @param mode   the picture size and frame rate asked of the camera (it may deliver a lower frame rate)
 * @param remote  where the peer's decoded pictures go
 * @param preview also gets every picture of this device's camera, after it was handed to the encoder (a self-view);
 *                called on the camera's thread, it must return quickly and not keep the frame
 */
public record CallVideo(Optional<String> camera, CameraMode mode, VideoFrameSink remote, VideoFrameConsumer preview) {
    /** The mode a video call asks for unless told otherwise. */
    public static final CameraMode DEFAULT_MODE = CameraMode.of(640, 480, 30);

    /** Validates. */
    public CallVideo {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(preview, "preview");
    }

    /** Video without a self-view. */
    public CallVideo(Optional<String> camera, CameraMode mode, VideoFrameSink remote) {
        this(camera, mode, remote, frame -> {});
    }

    /** The same video, every camera picture also shown to {@code self} (see {@link #preview}). */
    public CallVideo withPreview(VideoFrameConsumer self) {
        return new CallVideo(camera, mode, remote, self);
    }

    /** No camera, and the peer's pictures shown nowhere: an audio call. */
    public static CallVideo none() {
        return new CallVideo(Optional.empty(), DEFAULT_MODE, VideoFrameSink.NONE);
    }

    /** Whether this device sends video: the call is offered as a video call. */
    public boolean sends() {
        return camera.isPresent();
    }

    /**
     * Checks the camera is there before the call goes out.
     *
     * @throws IllegalArgumentException if no camera of that name is present (the message lists those that are)
     */
    void check(Cameras cameras) {
        camera.ifPresent(name -> {
            if (cameras.find(name).isEmpty()) {
                throw new IllegalArgumentException("No camera named '" + name + "'; there are: "
                        + String.join(", ", cameras.list().stream().map(c -> c.name()).toList()) + ".");
            }
        });
    }

    /**
     * Starts the camera into {@code sending}, from {@code cameras} (asked only when there is a camera to start); the
     * peer's pictures go to {@link #remote} already.
     */
    Running start(Supplier<Cameras> cameras, VideoFrameConsumer sending) throws CameraException {
        if (camera.isEmpty()) {
            return new Running(null, remote);
        }
        VideoFrameConsumer both = frame -> {
            sending.accept(frame);
            preview.accept(frame);
        };
        return new Running(cameras.get().open(camera.get(), mode, both), remote);
    }

    /**
     * The running camera of one call (absent without one) and the sink of the peer's pictures, closed after it if it
     * is closeable. Thread-safe: {@link #close} from any thread, more than once.
     *
     * @param capture the camera's capture, or null
     * @param remote  where the peer's pictures went
     */
    record Running(CameraCapture capture, VideoFrameSink remote) implements AutoCloseable {
        @Override
        public void close() {
            if (capture != null) {
                capture.close();
            }
            if (remote instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(CallVideo.class).warn("The peer's video did not close", e);
                }
            }
        }
    }
}
