package dev.confab.client.cli;

import dev.confab.client.core.calls.CallVideo;
import dev.confab.client.core.calls.Y4mRecording;
import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.CameraMode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The video options of {@code call} and {@code answer}: the camera, its mode, a recording of the peer's video. */
final class VideoOptions {
    private static final Pattern MODE = Pattern.compile("(\\d{1,5})x(\\d{1,5})(?:@(\\d{1,3}))?");

    @Option(names = "--camera", paramLabel = "NAME", description = "Send video from this camera, by the name"
            + " 'confab cameras' lists ('Confab test pattern' is always there). Without it the call sends no video,"
            + " and still receives the other side's.")
    String camera;

    @Option(names = "--camera-mode", paramLabel = "WxH[@FPS]", description = "The picture size and frame rate to ask"
            + " of the camera (default: 640x480@30).")
    String mode;

    @Option(names = "--record-video", paramLabel = "FILE", description = "Record the video you receive to this"
            + " .y4m file (lossless and large: about 450 KiB a picture at 640x480).")
    Path recording;

    /** The choice. */
    CallVideo video() {
        CameraMode cameraMode = mode == null ? CallVideo.DEFAULT_MODE : parse(mode);
        if (mode != null && camera == null) {
            throw new UsageException("--camera-mode needs --camera.");
        }
        VideoFrameSink remote = recording == null ? VideoFrameSink.NONE : new Y4mRecording(recording);
        return new CallVideo(Optional.ofNullable(camera), cameraMode, remote);
    }

    private static CameraMode parse(String text) {
        Matcher matcher = MODE.matcher(text);
        if (!matcher.matches()) {
            throw new UsageException("--camera-mode wants WIDTHxHEIGHT or WIDTHxHEIGHT@FPS, such as 640x480@30,"
                    + " not '" + text + "'.");
        }
        try {
            return CameraMode.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    matcher.group(3) == null ? CallVideo.DEFAULT_MODE.frameRate() : Integer.parseInt(matcher.group(3)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--camera-mode " + text + ": " + e.getMessage());
        }
    }
}
