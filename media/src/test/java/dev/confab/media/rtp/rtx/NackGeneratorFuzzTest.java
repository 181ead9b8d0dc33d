package dev.confab.media.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.SplittableRandom;

/**
 * Jazzer fuzz target for the NACK generator: the input is a script of 3-byte steps, an operation and a 16-bit value:
 * a packet a signed step (the value's high byte) after the last, a packet at the value itself (any jump), time moving
 * on by the value in units of 10 us and the due requests taken, {@code clearBefore} the value, a round trip of the
 * value in units of 100 us, or a look at the next due time and the key frame request. The generator is small (a
 * window of 32, 3 requests, 200 ms, a 2 ms reorder delay, jitter) so scripts reach every bound. Nothing may throw;
 * every request is a 16-bit number, never the packet just reported; once due requests are taken nothing is due again
 * at the same instant and the next due time lies ahead; the counters stay consistent and the pending ones within the
 * window. Seeds (in this test's Inputs directory): packets in order with gaps and retransmissions across the wrap,
 * a packet given up after its requests, a jump ahead past the window, a sender that starts over, clears.
 */
class NackGeneratorFuzzTest {
    private static final NackGeneratorConfig SMALL = new NackGeneratorConfig(32, 3, 200_000_000L, 2_000_000L,
            5_000_000L, 20_000_000L, 0.5);

    @FuzzTest(maxDuration = "2m")
    void script(byte[] input) {
        NackGenerator generator = new NackGenerator(SMALL, new SplittableRandom(input.length));
        int[] due = new int[SMALL.window()];
        int seq = 65500;
        int lastReported = -1;
        long now = 0;
        for (int at = 0; at + 3 <= input.length; at += 3) {
            int value = (input[at + 1] & 0xff) << 8 | input[at + 2] & 0xff;
            switch ((input[at] & 0xff) % 6) {
                case 0, 1 -> {
                    seq = (input[at] & 0xff) % 6 == 0 ? (seq + input[at + 1]) & 0xffff : value;
                    generator.onPacket(seq, now);
                    lastReported = seq;
                }
                case 2 -> {
                    now += value * 10_000L;
                    int count = generator.due(now, due);
                    assertThat(count).isBetween(0, due.length);
                    for (int i = 0; i < count; i++) {
                        assertThat(due[i]).isBetween(0, 0xffff).isNotEqualTo(lastReported);
                    }
                    assertThat(generator.due(now, due)).as("due twice at one instant").isZero();
                    assertThat(generator.nextDueNanos()).isGreaterThan(now);
                }
                case 3 -> generator.clearBefore(value);
                case 4 -> generator.setRoundTrip(value * 100_000L);
                default -> {
                    generator.pollKeyFrameRequest();
                    assertThat(generator.pollKeyFrameRequest()).isFalse();
                }
            }
            NackStats stats = generator.stats();
            assertThat(stats.pending()).isBetween(0, SMALL.window());
            if (stats.pending() == 0) {
                assertThat(generator.nextDueNanos()).isEqualTo(Long.MAX_VALUE);
            }
        }
        NackStats stats = generator.stats();
        assertThat(stats.duplicates() + stats.late() + stats.reordered() + stats.recovered())
                .isLessThanOrEqualTo(stats.packets());
        assertThat(stats.reordered() + stats.recovered() + stats.gaveUp() + stats.cleared() + stats.pending())
                .isLessThanOrEqualTo(stats.missing());
    }
}
