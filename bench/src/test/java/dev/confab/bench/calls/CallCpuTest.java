package dev.confab.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallCpuTest {
    private static final CallCpu.Shares FIRST = new CallCpu.Shares(4.3612, 2.07,
            "audio-capture=596 audio-playout=206", "audio-capture=563 ice-socket-/[::1]:4242=100");
    private static final CallCpu.Shares STEADY = new CallCpu.Shares(3.5, 2.5, "audio-capture=500", "");
    private static final CallCpu.Shares LATER = new CallCpu.Shares(3.25, 2.0, "call-session=50", "confab-call-timers=9");

    @Test
    void sharesCrossToTheBenchmarksJvmAsALine() {
        assertThat(CallCpu.Shares.parse(FIRST.line())).isEqualTo(FIRST);
        assertThat(CallCpu.Shares.parse(STEADY.line())).as("a side with no busy thread").isEqualTo(STEADY);
        assertThat(FIRST.line()).startsWith(CallCpu.Shares.PREFIX).doesNotContain("\n");
    }

    @Test
    void aRunIsTheFirstCallsSpansThenTheLaterCall() {
        CallCpu.Run run = CallCpu.Run.of(List.of(FIRST, STEADY, LATER));
        assertThat(run.firstCall()).containsExactly(FIRST, STEADY);
        assertThat(run.laterCall()).isEqualTo(LATER);
        assertThat(run.all()).containsExactly(FIRST, STEADY, LATER);
        assertThatThrownBy(() -> CallCpu.Run.of(List.of(FIRST))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 1");
    }
}
