package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encode time against frame interval: overuse every 2 s while it lasts, underuse only after 10 s without. */
class CpuOveruseDetectorTest {
    private static final long MS = 1_000_000;
    private static final long FRAME = 33 * MS;

    private final CpuOveruseDetector detector = new CpuOveruseDetector();

    @Test
    void anEncoderNearRealTimeIsOverusedOncePerDecisionInterval() {
        List<Long> overusedAt = run(0, 5_000, 30 * MS, CpuLoad.OVERUSED);

        assertThat(detector.usage()).isGreaterThan(0.85);
        assertThat(overusedAt).hasSize(2);
        assertThat(overusedAt.get(1) - overusedAt.get(0)).isBetween(2_000 * MS, 2_100 * MS);
    }

    @Test
    void aComfortableEncoderIsNeitherOverNorUnderusedAtFirst() {
        assertThat(run(0, 5_000, 20 * MS, CpuLoad.OVERUSED)).isEmpty();
        assertThat(run(5_000, 10_000, 20 * MS, CpuLoad.UNDERUSED)).isEmpty();
    }

    @Test
    void anIdleEncoderIsUnderusedAfterTenSeconds() {
        List<Long> underusedAt = run(0, 15_000, 5 * MS, CpuLoad.UNDERUSED);

        assertThat(underusedAt).isNotEmpty();
        assertThat(underusedAt.getFirst()).isGreaterThanOrEqualTo(10_000 * MS);
    }

    /** From {@code fromMs} to {@code toMs} a frame per 33 ms encoded in {@code encodeNanos}; when {@code load} came. */
    private List<Long> run(long fromMs, long toMs, long encodeNanos, CpuLoad load) {
        List<Long> at = new ArrayList<>();
        for (long now = fromMs * MS; now < toMs * MS; now += FRAME) {
            if (detector.onFrameEncoded(encodeNanos, FRAME, now) == load) {
                at.add(now);
            }
        }
        return at;
    }
}
