package dev.confab.media.video.codec;

import dev.confab.media.video.frame.FrameSize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The IVF container (libvpx's: a 32-byte file header "DKIF", then per frame a 12-byte header of size and timestamp),
 * for handing VP8 streams to and from the ffmpeg command line in tests.
 */
record IvfFile(FrameSize size, int frameRate, List<byte[]> frames) {
    private static final int FILE_HEADER = 32;
    private static final int FRAME_HEADER = 12;

    void write(Path path) throws IOException {
        int total = FILE_HEADER + frames.stream().mapToInt(f -> FRAME_HEADER + f.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.put("DKIF".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0).putShort((short) FILE_HEADER)
                .put("VP80".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) size.width()).putShort((short) size.height())
                .putInt(frameRate).putInt(1).putInt(frames.size()).putInt(0);
        for (int i = 0; i < frames.size(); i++) {
            out.putInt(frames.get(i).length).putLong(i).put(frames.get(i));
        }
        Files.write(path, out.array());
    }

    static IvfFile read(Path path) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] signature = new byte[4];
        in.get(signature);
        if (!"DKIF".equals(new String(signature, StandardCharsets.US_ASCII))) {
            throw new IOException("not an IVF file: " + path);
        }
        in.getShort();
        int headerLength = in.getShort() & 0xffff;
        byte[] fourcc = new byte[4];
        in.get(fourcc);
        if (!"VP80".equals(new String(fourcc, StandardCharsets.US_ASCII))) {
            throw new IOException("not VP8: " + new String(fourcc, StandardCharsets.US_ASCII));
        }
        FrameSize size = new FrameSize(in.getShort() & 0xffff, in.getShort() & 0xffff);
        int rate = in.getInt();
        int scale = in.getInt();
        in.position(headerLength);
        List<byte[]> frames = new ArrayList<>();
        while (in.remaining() >= FRAME_HEADER) {
            int length = in.getInt();
            in.getLong();
            if (length < 0 || length > in.remaining()) {
                throw new IOException("frame " + frames.size() + " of " + length + " bytes runs past the end");
            }
            byte[] frame = new byte[length];
            in.get(frame);
            frames.add(frame);
        }
        return new IvfFile(size, scale == 0 ? rate : rate / scale, frames);
    }
}
