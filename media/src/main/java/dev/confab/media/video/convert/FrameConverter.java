package dev.confab.media.video.convert;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_ARGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import dev.confab.media.video.ffmpeg.AvFrames;
import dev.confab.media.video.ffmpeg.FfmpegNatives;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.nio.ByteOrder;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * Converts pictures between what cameras and JavaFX hold and the I420 that VP8 codes, scaling on the way when the
 * sizes differ (bilinear), all in swscale (BT.601 limited range, as VP8 and webcams use). The packed formats are
 * BGR24 ({@code byte[]}, 3 bytes a pixel, blue first: a camera's {@code TYPE_3BYTE_BGR} image) and ARGB ({@code int[]},
 * one {@code 0xAARRGGBB} pixel per int: JavaFX's {@code PixelFormat.getIntArgbInstance()}); rows are tightly packed.
 *
 * <p>Conversions into I420 leave the frame's capture time as it was: the capturing side sets it.
 *
 * <p>Each direction keeps its own swscale context and native pictures, remade only when a size changes, so a stream of
 * same-sized pictures allocates nothing native after the first.
 *
 * <p>Lifecycle and thread contract: one thread at a time (the capture or render thread), {@link #close()} included,
 * which frees the native state.
 */
public final class FrameConverter implements AutoCloseable {
    /** swscale's name for an int ARGB pixel as it lies in memory in this machine's byte order. */
    private static final int INT_ARGB = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? AV_PIX_FMT_BGRA
            : AV_PIX_FMT_ARGB;

    private final SwsPipe bgrToI420 = new SwsPipe(AV_PIX_FMT_BGR24, AV_PIX_FMT_YUV420P);
    private final SwsPipe argbToI420 = new SwsPipe(INT_ARGB, AV_PIX_FMT_YUV420P);
    private final SwsPipe i420ToBgr = new SwsPipe(AV_PIX_FMT_YUV420P, AV_PIX_FMT_BGR24);
    private final SwsPipe i420ToArgb = new SwsPipe(AV_PIX_FMT_YUV420P, INT_ARGB);
    private final SwsPipe i420ToI420 = new SwsPipe(AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUV420P);
    private boolean closed;

    /** @throws IllegalStateException when the FFmpeg natives are missing */
    public FrameConverter() {
        FfmpegNatives.load();
    }

    /** Converts the BGR24 picture {@code bgr} of {@code size} into {@code out}, scaled to {@code out}'s size. */
    public void bgr24ToI420(byte[] bgr, FrameSize size, I420Frame out) {
        checkOpen();
        checkLength(bgr.length, size.pixels() * 3L, "BGR24");
        AVFrame source = bgrToI420.source(size);
        copyRowsIn(bgr, size.width() * 3, size.height(), source.data(0), source.linesize(0));
        AvFrames.copyOut(bgrToI420.run(out.size()), out);
    }

    /** Converts the ARGB picture {@code argb} of {@code size} into {@code out}, scaled to {@code out}'s size. */
    public void argbToI420(int[] argb, FrameSize size, I420Frame out) {
        checkOpen();
        checkLength(argb.length, size.pixels(), "ARGB");
        AVFrame source = argbToI420.source(size);
        IntPointer pixels = new IntPointer(source.data(0));
        int intsPerRow = source.linesize(0) / Integer.BYTES;
        for (int row = 0; row < size.height(); row++) {
            pixels.position((long) row * intsPerRow).put(argb, row * size.width(), size.width());
        }
        AvFrames.copyOut(argbToI420.run(out.size()), out);
    }

    /** Converts {@code in} into the BGR24 picture {@code bgr} of {@code size}, scaling it to that size. */
    public void i420ToBgr24(I420Frame in, byte[] bgr, FrameSize size) {
        checkOpen();
        checkLength(bgr.length, size.pixels() * 3L, "BGR24");
        AvFrames.copyIn(in, i420ToBgr.source(in.size()));
        AVFrame target = i420ToBgr.run(size);
        BytePointer rows = target.data(0);
        int rowBytes = size.width() * 3;
        for (int row = 0; row < size.height(); row++) {
            rows.position((long) row * target.linesize(0)).get(bgr, row * rowBytes, rowBytes);
        }
    }

    /** Converts {@code in} into the ARGB picture {@code argb} of {@code size}, scaled to it; alpha is opaque. */
    public void i420ToArgb(I420Frame in, int[] argb, FrameSize size) {
        checkOpen();
        checkLength(argb.length, size.pixels(), "ARGB");
        AvFrames.copyIn(in, i420ToArgb.source(in.size()));
        AVFrame target = i420ToArgb.run(size);
        IntPointer pixels = new IntPointer(target.data(0));
        int intsPerRow = target.linesize(0) / Integer.BYTES;
        for (int row = 0; row < size.height(); row++) {
            pixels.position((long) row * intsPerRow).get(argb, row * size.width(), size.width());
        }
    }

    /** Scales {@code in} to {@code out}'s size (a resolution step); {@code out} takes {@code in}'s capture time. */
    public void scale(I420Frame in, I420Frame out) {
        checkOpen();
        AvFrames.copyIn(in, i420ToI420.source(in.size()));
        AvFrames.copyOut(i420ToI420.run(out.size()), out);
        out.setCaptureTimeMicros(in.captureTimeMicros());
    }

    /** Frees every swscale context and native picture; closing twice does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            bgrToI420.close();
            argbToI420.close();
            i420ToBgr.close();
            i420ToArgb.close();
            i420ToI420.close();
        }
    }

    private static void copyRowsIn(byte[] src, int rowBytes, int rows, BytePointer dst, int linesize) {
        for (int row = 0; row < rows; row++) {
            dst.position((long) row * linesize).put(src, row * rowBytes, rowBytes);
        }
    }

    private static void checkLength(long actual, long needed, String format) {
        if (actual < needed) {
            throw new IllegalArgumentException(format + " picture of " + actual + " elements, " + needed + " needed");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the frame converter is closed");
        }
    }
}
