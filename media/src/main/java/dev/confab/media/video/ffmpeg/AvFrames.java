package dev.confab.media.video.ffmpeg;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * Copies I420 pictures between an {@link I420Frame} (tightly packed on the Java heap) and the planes of a native
 * {@code AVFrame} in {@code AV_PIX_FMT_YUV420P} (rows {@code linesize} apart). Stateless and thread-safe; the frames
 * belong to the caller.
 */
public final class AvFrames {
    private AvFrames() {}

    /** Copies {@code from}'s planes into {@code to}, which must be writable and of the same size. */
    public static void copyIn(I420Frame from, AVFrame to) {
        FrameSize size = from.size();
        byte[] data = from.data();
        copyPlaneIn(data, from.yOffset(), size.width(), size.height(), to.data(0), to.linesize(0));
        copyPlaneIn(data, from.uOffset(), size.chromaWidth(), size.chromaHeight(), to.data(1), to.linesize(1));
        copyPlaneIn(data, from.vOffset(), size.chromaWidth(), size.chromaHeight(), to.data(2), to.linesize(2));
    }

    /** Copies {@code from}'s planes into {@code to}, resizing it to {@code from}'s width and height. */
    public static void copyOut(AVFrame from, I420Frame to) {
        FrameSize size = new FrameSize(from.width(), from.height());
        to.resize(size);
        byte[] data = to.data();
        copyPlaneOut(from.data(0), from.linesize(0), data, to.yOffset(), size.width(), size.height());
        copyPlaneOut(from.data(1), from.linesize(1), data, to.uOffset(), size.chromaWidth(), size.chromaHeight());
        copyPlaneOut(from.data(2), from.linesize(2), data, to.vOffset(), size.chromaWidth(), size.chromaHeight());
    }

    private static void copyPlaneIn(byte[] src, int offset, int width, int rows, BytePointer dst, int linesize) {
        if (linesize == width) {
            dst.position(0).put(src, offset, width * rows);
            return;
        }
        for (int row = 0; row < rows; row++) {
            dst.position((long) row * linesize).put(src, offset + row * width, width);
        }
    }

    private static void copyPlaneOut(BytePointer src, int linesize, byte[] dst, int offset, int width, int rows) {
        if (linesize == width) {
            src.position(0).get(dst, offset, width * rows);
            return;
        }
        for (int row = 0; row < rows; row++) {
            src.position((long) row * linesize).get(dst, offset + row * width, width);
        }
    }
}
