package dev.confab.media.video.convert;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.confab.media.video.frame.FrameSize;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.ffmpeg.swscale.SwsFilter;

/**
 * One swscale conversion, from one pixel format to another, with its native source and destination pictures (rows
 * aligned for swscale's SIMD paths). The SwsContext is swscale's cached one: kept while the sizes stay, remade when
 * either changes; the pictures are likewise reallocated only on a change of size. Thread contract: one thread at a
 * time; {@link #close()} frees everything.
 */
final class SwsPipe implements AutoCloseable {
    private static final int ALIGN = 32;

    private final int sourceFormat;
    private final int targetFormat;
    private SwsContext context;
    private AVFrame source;
    private AVFrame target;

    SwsPipe(int sourceFormat, int targetFormat) {
        this.sourceFormat = sourceFormat;
        this.targetFormat = targetFormat;
    }

    /** The native source picture of {@code size}, for the caller to fill before {@link #run}. */
    AVFrame source(FrameSize size) {
        source = fit(source, size, sourceFormat);
        return source;
    }

    /** Converts and scales the source picture into the native target picture of {@code size}, and returns that. */
    AVFrame run(FrameSize size) {
        target = fit(target, size, targetFormat);
        context = sws_getCachedContext(context, source.width(), source.height(), sourceFormat, size.width(),
                size.height(), targetFormat, SWS_BILINEAR, (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("swscale cannot convert " + source.width() + "x" + source.height()
                    + " to " + size + " (formats " + sourceFormat + " to " + targetFormat + ")");
        }
        sws_scale(context, source.data(), source.linesize(), 0, source.height(), target.data(), target.linesize());
        return target;
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        if (source != null) {
            av_frame_free(source);
            source = null;
        }
        if (target != null) {
            av_frame_free(target);
            target = null;
        }
    }

    /** {@code frame} if it has {@code size}, else a fresh picture of that size and format (freeing {@code frame}). */
    static AVFrame fit(AVFrame frame, FrameSize size, int format) {
        if (frame != null && frame.width() == size.width() && frame.height() == size.height()) {
            return frame;
        }
        if (frame != null) {
            av_frame_free(frame);
        }
        AVFrame fresh = av_frame_alloc();
        if (fresh == null) {
            throw new IllegalStateException("out of native memory for a picture");
        }
        fresh.width(size.width()).height(size.height()).format(format);
        if (av_frame_get_buffer(fresh, ALIGN) < 0) {
            av_frame_free(fresh);
            throw new IllegalStateException("out of native memory for a " + size + " picture");
        }
        return fresh;
    }
}
