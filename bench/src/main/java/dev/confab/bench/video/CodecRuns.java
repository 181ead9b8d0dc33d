package dev.confab.bench.video;

import dev.confab.bench.Spread;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The measured runs of one {@link CodecCase}, Confab's and ffmpeg's, and their table rows (medians over the runs).
 * Immutable.
 *
 * @param codecCase     what was coded
 * @param confabEncode  Confab's encoding runs
 * @param ffmpegEncode  ffmpeg's encoding runs
 * @param confabDecode  Confab's decoding runs (of Confab's stream)
 * @param ffmpegDecode  ffmpeg's decoding runs (of the same stream)
 * @param sameStreams   whether every ffmpeg encoding made Confab's bitstream, byte for byte
 */
record CodecRuns(CodecCase codecCase, List<CodecSpeed> confabEncode, List<CodecSpeed> ffmpegEncode,
                 List<CodecSpeed> confabDecode, List<CodecSpeed> ffmpegDecode, boolean sameStreams) {

    CodecRuns {
        confabEncode = List.copyOf(confabEncode);
        ffmpegEncode = List.copyOf(ffmpegEncode);
        confabDecode = List.copyOf(confabDecode);
        ffmpegDecode = List.copyOf(ffmpegDecode);
    }

    /** The table's header: one row per case and direction. */
    static List<String> header() {
        return List.of("| VP8 on one thread, median of runs | Confab fps | ffmpeg fps | Confab / ffmpeg fps"
                        + " | Confab CPU ms/frame | ffmpeg CPU ms/frame | Confab / ffmpeg CPU | Confab kbit/s"
                        + " | ffmpeg kbit/s | same bitstream | runs |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
    }

    /** The encode row and the decode row. */
    List<String> rows() {
        int frameRate = codecCase.frameRate();
        return List.of(row("encode " + codecCase.label(), confabEncode, ffmpegEncode, frameRate,
                        sameStreams ? "yes" : "no"),
                row("decode " + codecCase.label(), confabDecode, ffmpegDecode, frameRate, "Confab's, both"));
    }

    private static String row(String label, List<CodecSpeed> confab, List<CodecSpeed> ffmpeg, int frameRate,
            String stream) {
        double confabFps = median(confab, CodecSpeed::framesPerSecond);
        double ffmpegFps = median(ffmpeg, CodecSpeed::framesPerSecond);
        double confabCpu = median(confab, CodecSpeed::cpuMillisPerFrame);
        double ffmpegCpu = median(ffmpeg, CodecSpeed::cpuMillisPerFrame);
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %s | %d |",
                label, confabFps, ffmpegFps, confabFps / ffmpegFps, confabCpu, ffmpegCpu, confabCpu / ffmpegCpu,
                median(confab, s -> s.kilobitsPerSecond(frameRate)), median(ffmpeg, s -> s.kilobitsPerSecond(frameRate)),
                stream, Math.min(confab.size(), ffmpeg.size()));
    }

    private static double median(List<CodecSpeed> runs, ToDoubleFunction<CodecSpeed> measure) {
        return Spread.of(runs.stream().map(measure::applyAsDouble).toList()).median();
    }
}
