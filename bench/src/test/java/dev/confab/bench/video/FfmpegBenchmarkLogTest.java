package dev.confab.bench.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FfmpegBenchmarkLogTest {
    /** Two frames of ffmpeg 5.1's -benchmark_all log, the first line behind the progress line's carriage return. */
    private static final String LOG = """
            frame=    1 fps=0.0 q=34.0 size=       8kB time=00:00:00.03 bitrate=1941.6kbits/s speed=N/A    \r\
            bench:       10 user        3 sys       14 real decode_video 0.0
            bench:     3147 user        0 sys     3145 real encode_video 0.0
            bench:       32 user        0 sys       51 real encode_video 0.0
            bench:        9 user        0 sys       10 real decode_video 0.0
            bench:     2892 user       68 sys     2956 real encode_video 0.0
            bench:       21 user        6 sys       43 real encode_video 0.0
            bench:        6 user        0 sys        7 real flush_video 0.0
            frame=    2 fps=0.0 q=43.0 Lsize=      26kB time=00:00:00.33 bitrate= 635.3kbits/s speed=7.32x
            """;

    @Test
    void theStagesLinesAreSummedAndTheLastFrameCountTaken() {
        assertThat(FfmpegBenchmarkLog.parse(LOG, "encode_video"))
                .isEqualTo(new FfmpegBenchmarkLog(2, 4, 3147 + 32 + 2892 + 21, 68 + 6, 3145 + 51 + 2956 + 43));
        assertThat(FfmpegBenchmarkLog.parse(LOG, "decode_video"))
                .isEqualTo(new FfmpegBenchmarkLog(2, 2, 19, 3, 24));
    }

    @Test
    void theSpeedCountsUserAndSystemTimeAsCpu() {
        CodecSpeed speed = new FfmpegBenchmarkLog(2, 4, 6000, 1000, 8000).speed(4000);
        assertThat(speed).isEqualTo(new CodecSpeed(2, 8_000_000, 7_000_000, 4000));
        assertThat(speed.framesPerSecond()).isEqualTo(250.0);
        assertThat(speed.cpuMillisPerFrame()).isEqualTo(3.5);
        assertThat(speed.kilobitsPerSecond(30)).isEqualTo(480.0);
    }

    @Test
    void aLogWithoutTheStageSaysBenchmarkAllWasMissing() {
        assertThatThrownBy(() -> FfmpegBenchmarkLog.parse("frame=   10 fps=0.0\n", "encode_video"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-benchmark_all");
    }

    @Test
    void aLogWithoutAFrameCountIsRefused() {
        assertThatThrownBy(() -> FfmpegBenchmarkLog.parse("bench: 1 user 0 sys 1 real encode_video 0.0\n",
                "encode_video")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame count");
    }
}
