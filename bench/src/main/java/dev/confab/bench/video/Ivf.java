package dev.confab.bench.video;

import dev.confab.media.video.frame.FrameSize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * VP8 frames in an IVF file (libvpx's simple container: a 32-byte header, then each frame behind its 4-byte size and
 * 8-byte timestamp, little-endian), the form the ffmpeg CLI reads and writes a bare VP8 stream in. Stateless.
 */
final class Ivf {
    private static final int FILE_HEADER_BYTES = 32;
    private static final int FRAME_HEADER_BYTES = 12;

    private Ivf() {
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

    /**
     * The frames of an IVF file, in order.
     *
     * @throws IllegalArgumentException when {@code file} is no IVF file or is cut short
     */
    static List<byte[]> frames(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < FILE_HEADER_BYTES || in.getInt(0) != 0x46494b44) {
            throw new IllegalArgumentException("not an IVF file: no 'DKIF' header");
        }
        int headerBytes = in.getShort(6) & 0xffff;
        if (headerBytes < FILE_HEADER_BYTES || headerBytes > file.length) {
            throw new IllegalArgumentException("IVF header of " + headerBytes + " bytes in a file of " + file.length);
        }
        in.position(headerBytes);
        List<byte[]> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            if (in.remaining() < FRAME_HEADER_BYTES) {
                throw new IllegalArgumentException("IVF file cut short in a frame header at " + in.position());
            }
            int length = in.getInt();
            in.getLong();
            if (length < 0 || length > in.remaining()) {
                throw new IllegalArgumentException("IVF frame of " + Integer.toUnsignedString(length)
                        + " bytes with " + in.remaining() + " left in the file");
            }
            byte[] frame = new byte[length];
            in.get(frame);
            frames.add(frame);
        }
        return frames;
    }
}
