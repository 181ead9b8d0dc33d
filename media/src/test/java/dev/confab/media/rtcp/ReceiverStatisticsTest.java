package dev.confab.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3550 A.1, A.3 and A.8 on packet sequences made by hand: loss across the wrap, restarts, jitter. */
class ReceiverStatisticsTest {
    private static final int RATE = 48_000;
    private static final long MS = 1_000_000L;

    private final ReceiverStatistics stats = new ReceiverStatistics(9, RATE);

    @Test
    void countsLossAcrossTheSequenceWrap() {
        for (int i = 0; i < 20; i++) {
            if (i != 5 && i != 6) {
                stats.onPacket((65530 + i) & 0xffff, 960L * i, 20 * MS * i);
            }
        }

        ReportBlock block = stats.reportBlock(400 * MS);

        assertThat(block.ssrc()).isEqualTo(9);
        assertThat(block.extendedHighestSequence()).isEqualTo(65536 + 13);
        assertThat(block.cumulativeLost()).isEqualTo(2);
        assertThat(block.fractionLost()).isEqualTo(2 * 256 / 20);
        assertThat(stats.packetsReceived()).isEqualTo(18);
    }

    @Test
    void fractionLostCoversOnlyTheIntervalSinceTheLastReport() {
        for (int seq = 0; seq < 10; seq++) {
            stats.onPacket(seq, 0, 0);
        }
        stats.reportBlock(0);
        for (int seq = 10; seq < 20; seq += 2) {
            stats.onPacket(seq, 0, 0);
        }

        ReportBlock block = stats.reportBlock(0);

        assertThat(block.fractionLost()).as("4 of the 9 expected since").isEqualTo(4 * 256 / 9);
        assertThat(block.cumulativeLost()).isEqualTo(4);
        assertThat(stats.reportBlock(0).fractionLost()).as("nothing expected, nothing lost").isZero();
    }

    @Test
    void duplicatesMakeLossNegativeAndLateOnesDoNotMoveTheHighest() {
        stats.onPacket(100, 0, 0);
        stats.onPacket(101, 0, 0);
        stats.onPacket(101, 0, 0);
        stats.onPacket(101 - ReceiverStatistics.MAX_MISORDER + 1, 0, 0); // late, but within the misorder window

        assertThat(stats.extendedHighestSequence()).isEqualTo(101);
        assertThat(stats.cumulativeLost()).isEqualTo(-2);
        assertThat(stats.reportBlock(0).fractionLost()).isZero();
    }

    @Test
    void aLargeJumpRestartsOnlyWhenTheNextPacketFollowsIt() {
        stats.onPacket(1000, 0, 0);
        stats.onPacket(1001, 0, 0);
        stats.onPacket(30_000, 0, 0);
        assertThat(stats.extendedHighestSequence()).as("one stray packet is ignored").isEqualTo(1001);

        stats.onPacket(40_000, 0, 0);
        stats.onPacket(40_001, 0, 0);

        assertThat(stats.extendedHighestSequence()).isEqualTo(40_001);
        assertThat(stats.packetsReceived()).isEqualTo(1);
        assertThat(stats.cumulativeLost()).isZero();
    }

    @Test
    void constantTransitHasNoJitterAndTheTimestampWrapDoesNotMatter() {
        long start = 0xffff_ff00L;
        for (int i = 0; i < 50; i++) {
            stats.onPacket(i, (start + 960L * i) & 0xffff_ffffL, 5 * MS + 20 * MS * i);
        }

        assertThat(stats.jitter()).isZero();
    }

    @Test
    void jitterFollowsTheRfcFormula() {
        // Transit alternates by 480 ticks (10 ms): |D| is 480 every packet, so J -> 480 as J += (|D| - J) / 16.
        double expected = 0;
        for (int i = 0; i < 200; i++) {
            long arrival = 20 * MS * i + (i % 2 == 0 ? 0 : 10 * MS);
            stats.onPacket(i, 960L * i, arrival);
            if (i > 0) {
                expected += (480 - expected) / 16;
            }
        }

        assertThat(stats.jitter()).isBetween((long) expected - 1, (long) expected + 1).isBetween(470L, 480L);
    }

    @Test
    void lastSenderReportAndDelaySinceIt() {
        stats.onPacket(1, 0, 0);
        assertThat(stats.reportBlock(0).lastSenderReport()).as("no SR yet").isZero();

        stats.onSenderReport(0x1234_5678_9abc_def0L, 1_000 * MS);
        ReportBlock block = stats.reportBlock(1_000 * MS + 1_500 * MS);

        assertThat(block.lastSenderReport()).isEqualTo(0x5678_9abcL);
        assertThat(block.delaySinceLastSenderReport()).isEqualTo(0x1_8000L);
    }

    @Test
    void cumulativeLossSaturatesAt24Bits() {
        stats.onPacket(0, 0, 0);
        for (long seq = 2000; seq < 0x90_0000L; seq += 2000) {
            stats.onPacket((int) seq & 0xffff, 0, 0);
        }

        assertThat(stats.cumulativeLost()).isGreaterThan(ReportBlock.MAX_CUMULATIVE_LOST);
        assertThat(stats.reportBlock(0).cumulativeLost()).isEqualTo(ReportBlock.MAX_CUMULATIVE_LOST);
    }

    @Test
    void ntpTimeOfAnInstant() {
        assertThat(NtpTime.of(java.time.Instant.ofEpochSecond(0, 500_000_000)))
                .isEqualTo(NtpTime.UNIX_EPOCH_SECONDS << 32 | 0x8000_0000L);
        assertThat(NtpTime.nanosToCompact(1_500 * MS)).isEqualTo(0x1_8000L);
        assertThat(NtpTime.compactToNanos(0x1_8000L)).isEqualTo(1_500 * MS);
    }
}
