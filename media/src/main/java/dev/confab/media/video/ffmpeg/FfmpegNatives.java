package dev.confab.media.video.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_ERROR_MAX_STRING_SIZE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
     * Loads the libraries if this is the first call. The loading runs on a thread of its own that nobody interrupts:
     * JavaCPP extracts the natives under a file lock that an interrupt breaks, and a class whose initialisation
     * failed stays failed for the JVM's life (a call hung up while its decoder loaded FFmpeg left video broken until a
     * restart). A caller interrupted meanwhile waits for the loading to end and keeps its interrupt status.
     *
     * @throws IllegalStateException when the natives for this platform are not on the class path
     */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (FfmpegNatives.class) {
            if (!loaded) {
                loadUninterrupted(FfmpegNatives::loadLibraries);
                loaded = true;
            }
        }
    }

    private static void loadLibraries() {
        av_log_set_level(AV_LOG_FATAL);
        avcodec.avcodec_version();
        swscale.swscale_version();
    }

    /**
     * Runs {@code firstUse}, which loads FFmpeg libraries (initialises their JavaCPP classes), on a thread nobody
     * interrupts, as {@link #load} does, and waits for it; the caller keeps its interrupt status.
     *
     * @throws IllegalStateException when the natives for this platform are not on the class path
     */
    public static void loadUninterrupted(Runnable firstUse) {
        FutureTask<Void> loading = new FutureTask<>(firstUse, null);
        Thread.ofPlatform().name("ffmpeg-loader").daemon().start(loading);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    loading.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case LinkageError missing -> throw new IllegalStateException("FFmpeg natives for "
                                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " are missing:"
                                + " Confab bundles org.bytedeco:ffmpeg for linux-x86_64 only", missing);
                        case RuntimeException failure -> throw failure;
                        case Error error -> throw error;
                        default -> throw new IllegalStateException("Loading FFmpeg failed", e.getCause());
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
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
