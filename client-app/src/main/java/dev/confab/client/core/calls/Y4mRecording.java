package dev.confab.client.core.calls;

import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.convert.FrameConverter;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.y4m.Y4mWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the peer's pictures to a YUV4MPEG2 file ({@code .y4m}, lossless; ffmpeg and players read it) at the size of
 * the first picture, later pictures of another size scaled to it. A picture that cannot be written stops the
 * recording (logged), not the call.
 *
 * <p>Thread contract: {@link #frame} on the call's decode thread; {@link #close} from any thread, after which
 * pictures are dropped; the recording is complete when close returns.
 */
public final class Y4mRecording implements VideoFrameSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Y4mRecording.class);
    private static final int NOMINAL_FRAME_RATE = 30;

    private final Path path;
    private Y4mWriter writer;
    private FrameConverter scaler;
    private I420Frame scaled;
    private boolean stopped;

    /** A recording to {@code path}, made (or replaced) when the first picture arrives. */
    public Y4mRecording(Path path) {
        this.path = path;
    }

    @Override
    public synchronized void show(I420Frame frame, long rtpTimestamp) {
        if (stopped) {
            return;
        }
        try {
            if (writer == null) {
                writer = Y4mWriter.create(path, frame.size(), NOMINAL_FRAME_RATE);
            }
            writer.write(fitted(frame));
        } catch (IOException | UncheckedIOException e) {
            log.warn("The recording of the peer's video to {} stopped: {}", path, e.getMessage());
            stopped = true;
        }
    }

    /** Pictures recorded so far. */
    public synchronized long frames() {
        return writer == null ? 0 : writer.frames();
    }

    @Override
    public synchronized void close() throws IOException {
        stopped = true;
        if (scaler != null) {
            scaler.close();
        }
        if (writer != null) {
            writer.close();
        }
    }

    private I420Frame fitted(I420Frame frame) {
        if (frame.size().equals(writer.size())) {
            return frame;
        }
        if (scaler == null) {
            scaler = new FrameConverter();
            scaled = I420Frame.allocate(writer.size());
        }
        scaler.scale(frame, scaled);
        return scaled;
    }
}
