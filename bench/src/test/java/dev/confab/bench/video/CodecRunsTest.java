package dev.confab.bench.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecRunsTest {
    private static final CodecCase VGA = new CodecCase(new FrameSize(640, 480), 30, 1_000_000);

    /** {@code frames} frames in {@code wallMillis}, CPU {@code cpuMillis}, 4000 bytes a frame (960 kbit/s at 30). */
    private static CodecSpeed speed(int frames, long wallMillis, long cpuMillis) {
        return new CodecSpeed(frames, wallMillis * 1_000_000, cpuMillis * 1_000_000, 4000L * frames);
    }

    @Test
    void eachRowGivesMediansOverTheRunsAndConfabOverFfmpeg() {
        CodecRuns runs = new CodecRuns(VGA,
                List.of(speed(300, 1500, 900), speed(300, 1000, 600), speed(300, 3000, 1200)),
                List.of(speed(300, 2000, 1200), speed(300, 2000, 1200), speed(300, 2000, 1200)),
                List.of(speed(300, 500, 300)), List.of(speed(300, 250, 150)), true);
        assertThat(runs.rows()).containsExactly(
                "| encode 640x480 30 fps 1000 kbit/s | 200 | 150 | 1.33 | 3.00 | 4.00 | 0.75 | 960 | 960 | yes | 3 |",
                "| decode 640x480 30 fps 1000 kbit/s | 600 | 1200 | 0.50 | 1.00 | 0.50 | 2.00 | 960 | 960"
                        + " | Confab's, both | 1 |");
        assertThat(CodecRuns.header().getFirst().split("\\|")).hasSize(runs.rows().getFirst().split("\\|").length);
    }

    @Test
    void theEncodeRowSaysWhenFfmpegMadeAnotherStream() {
        CodecRuns runs = new CodecRuns(VGA, List.of(speed(300, 1000, 600)), List.of(speed(300, 1000, 600)),
                List.of(speed(300, 500, 300)), List.of(speed(300, 500, 300)), false);
        assertThat(runs.rows().getFirst()).endsWith("| no | 1 |");
    }
}
