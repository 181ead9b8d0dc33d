package dev.confab.bench.video;

import dev.confab.media.video.frame.FrameSize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes VP8 frames as an IVF file (libvpx's simple container: a 32-byte header, then each frame behind its 4-byte
 * size and 8-byte timestamp, little-endian), the form the ffmpeg CLI reads a bare VP8 stream in. Stateless.
 */
final class IvfWriter {
    private static final int FILE_HEADER_BYTES = 32;
    private static final int FRAME_HEADER_BYTES = 12;

    private IvfWriter() {
    }

    /** The file's bytes for {@code frames} of {@code size}, timestamps counting frames at {@code frameRate}. */
    static byte[] bytes(List<byte[]> frames, FrameSize size, int frameRate) {
        int length = FILE_HEADER_BYTES + frames.stream().mapToInt(f -> FRAME_HEADER_BYTES + f.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'D').put((byte) 'K').put((byte) 'I').put((byte) 'F');
        out.putShort((short) 0).putShort((short) FILE_HEADER_BYTES);
        out.put((byte) 'V').put((byte) 'P').put((byte) '8').put((byte) '0');
        out.putShort((short) size.width()).putShort((short) size.height());
        out.putInt(frameRate).putInt(1).putInt(frames.size()).putInt(0);
        long pts = 0;
        for (byte[] frame : frames) {
            out.putInt(frame.length).putLong(pts++).put(frame);
        }
        return out.array();
    }

    /** Writes {@link #bytes} to {@code file}. */
    static Path write(Path file, List<byte[]> frames, FrameSize size, int frameRate) throws IOException {
        return Files.write(file, bytes(frames, size, frameRate));
    }

    /** The compressed bytes in an IVF file of {@code frames} frames that is {@code fileBytes} long. */
    static long payloadBytes(long fileBytes, int frames) {
        return fileBytes - FILE_HEADER_BYTES - (long) FRAME_HEADER_BYTES * frames;
    }
}
