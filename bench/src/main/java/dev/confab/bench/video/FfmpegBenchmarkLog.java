package dev.confab.bench.video;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ffmpeg CLI's {@code -benchmark_all} log says about one stage: it logs
 * {@code bench: <user> user <sys> sys <real> real <stage> <file>.<stream>} (microseconds since the previous line)
 * after each call into a decoder or encoder, and its progress line {@code frame= <n> ...}. Summing a stage's lines gives
 * the time spent in that codec alone, without process start-up, file reading or muxing. Immutable.
 *
 * @param frames      the last frame count of the progress line
 * @param lines       the stage's {@code bench:} lines (a frame may take more than one)
 * @param userMicros  user CPU of the stage
 * @param systemMicros system CPU of the stage
 * @param realMicros  wall-clock time of the stage
 */
record FfmpegBenchmarkLog(int frames, int lines, long userMicros, long systemMicros, long realMicros) {
    private static final Pattern BENCH = Pattern.compile(
            "bench:\\s*(\\d+) user\\s+(\\d+) sys\\s+(\\d+) real (\\S+)");
    private static final Pattern PROGRESS = Pattern.compile("frame=\\s*(\\d+)");

    /**
     * Sums the lines of {@code stage} ({@code encode_video}, {@code decode_video}) in {@code log}.
     *
     * @throws IllegalArgumentException when the log has no such line or no frame count
     */
    static FfmpegBenchmarkLog parse(String log, String stage) {
        int lines = 0;
        long user = 0;
        long system = 0;
        long real = 0;
        Matcher bench = BENCH.matcher(log);
        while (bench.find()) {
            if (bench.group(4).equals(stage)) {
                lines++;
                user += Long.parseLong(bench.group(1));
                system += Long.parseLong(bench.group(2));
                real += Long.parseLong(bench.group(3));
            }
        }
        int frames = -1;
        Matcher progress = PROGRESS.matcher(log);
        while (progress.find()) {
            frames = Integer.parseInt(progress.group(1));
        }
        if (lines == 0 || frames < 0) {
            throw new IllegalArgumentException("ffmpeg's log has no " + (lines == 0 ? "'bench: ... " + stage
                    + "' line" : "frame count") + " (was -benchmark_all given?): " + tail(log));
        }
        return new FfmpegBenchmarkLog(frames, lines, user, system, real);
    }

    /** The stage's speed over the frames, with {@code bytes} of compressed video. */
    CodecSpeed speed(long bytes) {
        return new CodecSpeed(frames, realMicros * 1000, (userMicros + systemMicros) * 1000, bytes);
    }

    private static String tail(String log) {
        return log.length() <= 400 ? log : "..." + log.substring(log.length() - 400);
    }
}
