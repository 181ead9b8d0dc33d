package dev.confab.media.video.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_ERROR_MAX_STRING_SIZE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.BytePointer;

/**
 * Loads FFmpeg's avutil, avcodec and swscale (the natives of org.bytedeco:ffmpeg for this platform) once per JVM and
 * quiets FFmpeg's own logging to fatal errors: the codec and converter classes report every failure themselves, and a
 * stream of corrupt frames must not flood stderr. Thread-safe.
 */
public final class FfmpegNatives {
    private static volatile boolean loaded;

    private FfmpegNatives() {}

    /**
     * Loads the libraries if this is the first call.
     *
     * @throws IllegalStateException when the natives for this platform are not on the class path
     */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (FfmpegNatives.class) {
            if (!loaded) {
                try {
                    av_log_set_level(AV_LOG_FATAL);
                    avcodec.avcodec_version();
                    swscale.swscale_version();
                } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                    throw new IllegalStateException("FFmpeg natives for " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + " are missing: Confab bundles org.bytedeco:ffmpeg for"
                            + " linux-x86_64 only", e);
                }
                loaded = true;
            }
        }
    }

    /** FFmpeg's description of a negative error code (an {@code AVERROR}). */
    public static String describe(int error) {
        try (BytePointer text = new BytePointer(AV_ERROR_MAX_STRING_SIZE)) {
            return av_strerror(error, text, AV_ERROR_MAX_STRING_SIZE) == 0 ? text.getString() : "error " + error;
        }
    }
}
