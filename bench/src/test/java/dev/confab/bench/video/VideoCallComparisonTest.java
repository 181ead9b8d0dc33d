package dev.confab.bench.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VideoCallComparisonTest {
    private static final VideoCallPlan PLAN = new VideoCallPlan(new FrameSize(640, 480), 30, 1_000_000,
            Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final ReceivedVideo SIDE = new ReceivedVideo(640, 480, 30, 1000, 3000);
    private static final VideoCallCpu CHROMIUM = new VideoCallCpu("Chromium 156", 40, List.of(SIDE, SIDE),
            "Chromium note.");

    @Test
    void withoutConfabsCallItsRowSaysItWasNotMeasured() {
        List<String> table = new VideoCallComparison(PLAN, Optional.empty(), CHROMIUM).table();
        assertThat(table).hasSize(4);
        assertThat(table.get(2)).isEqualTo("| Confab, 640x480 30 fps + audio call | not measured in this run | | | |");
        assertThat(table.get(3)).isEqualTo("| Chromium 156, 640x480 30 fps + audio call | 24.0 | 20.0 |  | 640x480 at"
                + " 30.0 fps, 1000 kbit/s, 3000 audio packets; 640x480 at 30.0 fps, 1000 kbit/s, 3000 audio packets |");
    }

    @Test
    void confabsCallIsComparedPerCallMinute() {
        VideoCallCpu confab = new VideoCallCpu("Confab", 30, List.of(SIDE, SIDE), "Confab note.");
        VideoCallComparison comparison = new VideoCallComparison(PLAN, Optional.of(confab), CHROMIUM);
        assertThat(comparison.table().get(2)).startsWith("| Confab, 640x480 30 fps + audio call | 18.0 | 15.0 | 0.75 |");
        assertThat(comparison.notes()).containsExactly("Confab note.", "Chromium note.");
    }
}
