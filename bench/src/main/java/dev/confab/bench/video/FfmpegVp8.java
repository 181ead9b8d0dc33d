package dev.confab.bench.video;

import dev.confab.media.video.codec.Vp8EncoderConfig;
import dev.confab.testkit.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The reference: the ffmpeg CLI's libvpx VP8 encoder and its own VP8 decoder (the one Confab's decoder uses too, from
 * another FFmpeg), one thread each, timed by its {@code -benchmark_all} log ({@link FfmpegBenchmarkLog}). The encoder
 * gets the settings Confab's {@link dev.confab.media.video.codec.Vp8Encoder} gives libvpx, the same raw frames
 * and the same rate. Stateless; each call runs one ffmpeg process.
 */
final class FfmpegVp8 {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private FfmpegVp8() {
    }

    /** The ffmpeg arguments that encode raw I420 file {@code raw} as Confab's encoder would, into IVF {@code out}. */
    static List<String> encodeArguments(Vp8EncoderConfig config, Path raw, Path out) {
        String bitrate = Integer.toString(config.bitrate());
        return List.of("-benchmark_all", "-f", "rawvideo", "-pix_fmt", "yuv420p",
                "-s", config.size().width() + "x" + config.size().height(),
                "-r", Integer.toString(config.frameRate()), "-i", raw.toString(),
                "-c:v", "libvpx", "-threads", Integer.toString(config.threads()),
                "-deadline", "realtime", "-cpu-used", Integer.toString(config.cpuUsed()), "-lag-in-frames", "0",
                "-error-resilient", "default", "-static-thresh", "1", "-undershoot-pct", "100",
                "-overshoot-pct", "15", "-max-intra-rate", Integer.toString(maxIntraRatePercent(config.frameRate())),
                "-qmin", Integer.toString(config.minQuantizer()), "-qmax", Integer.toString(config.maxQuantizer()),
                "-g", Integer.toString(config.keyframeIntervalFrames()),
                "-b:v", bitrate, "-minrate", bitrate, "-maxrate", bitrate, "-bufsize", bitrate,
                "-rc_init_occupancy", Integer.toString(config.bitrate() / 2), "-f", "ivf", "-y", out.toString());
    }

    /** The ffmpeg arguments that decode IVF file {@code ivf} on one thread and throw the pictures away. */
    static List<String> decodeArguments(Path ivf) {
        return List.of("-benchmark_all", "-threads", "1", "-i", ivf.toString(), "-f", "null", "-");
    }

    /** Encodes {@code raw}, frames of {@code config}'s size, as fast as ffmpeg goes. */
    static Encoding encode(Vp8EncoderConfig config, Path raw, int frames) throws IOException {
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            Path out = ffmpeg.dir().resolve("out.ivf");
            FfmpegBenchmarkLog log = run(ffmpeg, encodeArguments(config, raw, out), "encode_video", frames);
            List<byte[]> stream = Ivf.frames(Files.readAllBytes(out));
            return new Encoding(log.speed(stream.stream().mapToLong(f -> f.length).sum()), stream);
        }
    }

    /** Decodes IVF file {@code ivf} of {@code frames} frames and {@code bytes} of VP8. */
    static CodecSpeed decode(Path ivf, int frames, long bytes) {
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            return run(ffmpeg, decodeArguments(ivf), "decode_video", frames).speed(bytes);
        }
    }

    /** libwebrtc's keyframe cap, as Confab's encoder sets it. */
    static int maxIntraRatePercent(int frameRate) {
        return Math.max(300, (int) (0.5 * 600 * frameRate / 10));
    }

    private static FfmpegBenchmarkLog run(Ffmpeg ffmpeg, List<String> arguments, String stage, int frames) {
        ffmpeg.start(arguments);
        if (!ffmpeg.awaitExit(TIMEOUT) || ffmpeg.exitCode() != 0) {
            throw new IllegalStateException("ffmpeg " + String.join(" ", arguments) + " failed:\n" + ffmpeg.log());
        }
        FfmpegBenchmarkLog log = FfmpegBenchmarkLog.parse(ffmpeg.log(), stage);
        if (log.frames() != frames) {
            throw new IllegalStateException("ffmpeg coded " + log.frames() + " frames, not " + frames);
        }
        return log;
    }
}
