package dev.confab.bench.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures one {@link CodecCase}: draws the clip, then runs Confab's encoder and ffmpeg's alternately (so a change in
 * the machine's load falls on both), each once unmeasured and then {@code runs} times, checking whether ffmpeg's
 * streams are byte for byte Confab's (then the settings match exactly), and decodes Confab's first stream with each
 * decoder the same way. Stateless; the raw and IVF files live in a temporary directory removed after.
 */
final class CodecBench {
    private CodecBench() {
    }

    static CodecRuns measure(CodecCase codecCase, int frames, int runs) throws IOException {
        PatternClip clip = PatternClip.draw(codecCase.size(), codecCase.frameRate(), frames);
        Path dir = Files.createTempDirectory("confab-bench-video");
        try {
            Path raw = clip.writeRaw(dir.resolve("clip.yuv"));
            List<CodecSpeed> confabEncode = new ArrayList<>();
            List<CodecSpeed> ffmpegEncode = new ArrayList<>();
            Encoding first = ConfabVp8.encode(clip, codecCase);
            List<byte[]> stream = first.stream();
            boolean sameStreams = first.sameStreamAs(FfmpegVp8.encode(codecCase.encoderConfig(), raw, frames));
            for (int run = 0; run < runs; run++) {
                confabEncode.add(ConfabVp8.encode(clip, codecCase).speed());
                Encoding ffmpeg = FfmpegVp8.encode(codecCase.encoderConfig(), raw, frames);
                ffmpegEncode.add(ffmpeg.speed());
                sameStreams &= first.sameStreamAs(ffmpeg);
            }
            Path ivf = Ivf.write(dir.resolve("confab.ivf"), stream, clip.size(), clip.frameRate());
            long bytes = stream.stream().mapToLong(f -> f.length).sum();
            List<CodecSpeed> confabDecode = new ArrayList<>();
            List<CodecSpeed> ffmpegDecode = new ArrayList<>();
            ConfabVp8.decode(stream);
            FfmpegVp8.decode(ivf, stream.size(), bytes);
            for (int run = 0; run < runs; run++) {
                confabDecode.add(ConfabVp8.decode(stream));
                ffmpegDecode.add(FfmpegVp8.decode(ivf, stream.size(), bytes));
            }
            return new CodecRuns(codecCase, confabEncode, ffmpegEncode, confabDecode, ffmpegDecode, sameStreams);
        } finally {
            Files.deleteIfExists(dir.resolve("clip.yuv"));
            Files.deleteIfExists(dir.resolve("confab.ivf"));
            Files.deleteIfExists(dir);
        }
    }
}
