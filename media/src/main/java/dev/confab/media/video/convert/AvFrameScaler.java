package dev.confab.media.video.convert;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.confab.media.video.ffmpeg.AvFrames;
import dev.confab.media.video.ffmpeg.FfmpegNatives;
import dev.confab.media.video.frame.I420Frame;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Turns pictures that FFmpeg decoded or a device delivered, in whatever pixel format they come (YUYV, NV12, MJPEG's
 * full-range YUV, RGB ...), into I420 at the size of the {@link I420Frame} they go to, scaling bilinearly in swscale. A
 * picture already in I420 at that size is copied as it is. The swscale context and the native target picture are
 * kept while formats and sizes stay.
 *
 * <p>Conversions leave the frame's capture time as it was: the capturing side sets it.
 *
 * <p>Lifecycle and thread contract: one thread at a time (the capture thread), {@link #close()} included, which frees
 * the native state.
 */
public final class AvFrameScaler implements AutoCloseable {
    private SwsContext context;
    private AVFrame target;
    private boolean closed;

    /** @throws IllegalStateException when the FFmpeg natives are missing */
    public AvFrameScaler() {
        FfmpegNatives.load();
    }

    /** Converts {@code picture} into {@code out}, scaled to {@code out}'s size. */
    public void toI420(AVFrame picture, I420Frame out) {
        if (closed) {
            throw new IllegalStateException("the frame scaler is closed");
        }
        if (picture.format() == AV_PIX_FMT_YUV420P && picture.width() == out.width()
                && picture.height() == out.height()) {
            AvFrames.copyOut(picture, out);
            return;
        }
        target = SwsPipe.fit(target, out.size(), AV_PIX_FMT_YUV420P);
        context = sws_getCachedContext(context, picture.width(), picture.height(), picture.format(), out.width(),
                out.height(), AV_PIX_FMT_YUV420P, SWS_BILINEAR, (SwsFilter) null, (SwsFilter) null,
                (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("swscale cannot convert " + picture.width() + "x" + picture.height()
                    + " pictures of pixel format " + picture.format() + " to I420");
        }
        sws_scale(context, picture.data(), picture.linesize(), 0, picture.height(), target.data(), target.linesize());
        AvFrames.copyOut(target, out);
    }

    /** Frees the swscale context and the native picture; closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        if (target != null) {
            av_frame_free(target);
            target = null;
        }
    }
}
