package dev.confab.media.video.y4m;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes I420 pictures of one size to a YUV4MPEG2 file ({@code .y4m}), which ffmpeg and players read: a header with
 * the size and the nominal frame rate, then each picture's planes after {@code FRAME}. Lossless, so a recording can be
 * compared with what was sent; large (640x480 is 450 KiB a picture).
 *
 * <p>Thread contract: not thread-safe; one thread writes, then closes.
 */
public final class Y4mWriter implements AutoCloseable {
    private static final byte[] FRAME = "FRAME\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final FrameSize size;
    private long frames;

    private Y4mWriter(OutputStream out, FrameSize size) {
        this.out = out;
        this.size = size;
    }

    /** A new file at {@code path} (replaced if there) for pictures of {@code size} at nominally {@code frameRate}. */
    public static Y4mWriter create(Path path, FrameSize size, int frameRate) throws IOException {
        if (frameRate <= 0) {
            throw new IllegalArgumentException("frame rate must be positive, not " + frameRate);
        }
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20);
        try {
            out.write(String.format(Locale.ROOT, "YUV4MPEG2 W%d H%d F%d:1 Ip A1:1 C420jpeg\n", size.width(),
                    size.height(), frameRate).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return new Y4mWriter(out, size);
    }

    /** The size every picture must have. */
    public FrameSize size() {
        return size;
    }

    /**
     * Appends {@code frame}.
     *
     * @throws IllegalArgumentException if it is not of this file's size
     */
    public void write(I420Frame frame) throws IOException {
        if (!frame.size().equals(size)) {
            throw new IllegalArgumentException("a " + frame.size() + " picture in a " + size + " file");
        }
        out.write(FRAME);
        out.write(frame.data(), 0, size.i420Bytes());
        frames++;
    }

    /** Pictures written so far. */
    public long frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
