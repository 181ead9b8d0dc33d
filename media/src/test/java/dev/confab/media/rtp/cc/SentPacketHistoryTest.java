package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.rtcp.PacketStatus;
import dev.confab.media.rtcp.TransportFeedback;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sender's history: numbering, matching feedback (through the recorder), repeats, unknown numbers, the wraps. */
class SentPacketHistoryTest {
    private static final long MS = 1_000_000;

    private final SentPacketHistory history = new SentPacketHistory();

    @Test
    void numbersCountUpAndWrap() {
        int last = -1;
        for (int i = 0; i < 70_000; i++) {
            int seq = history.onPacketSent(100, i);
            assertThat(seq).isEqualTo(i & 0xffff);
            last = seq;
        }
        assertThat(last).isEqualTo(69_999 & 0xffff);
    }

    @Test
    void feedbackFromTheRecorderGivesSendAndArrivalTimesAcrossTheWrap() {
        TransportFeedbackRecorder recorder = new TransportFeedbackRecorder();
        for (int i = 0; i < 65_530; i++) {
            history.onPacketSent(1, 0);
        }
        long receiverClock = 5_000_000 * MS;
        for (int i = 0; i < 10; i++) {
            int seq = history.onPacketSent(1000 + i, i * 10 * MS);
            if (i != 4) {
                recorder.onPacket(seq, receiverClock + i * 12 * MS + 123_456);
            }
        }

        FeedbackReport report = history.onFeedback(recorder.buildFeedback(1, 2).getFirst(), 200 * MS);

        List<PacketResult> packets = report.packets();
        assertThat(packets).hasSize(10);
        assertThat(packets.get(4).received()).isFalse();
        assertThat(packets.get(9).sizeBytes()).isEqualTo(1009);
        assertThat(packets.get(9).sendNanos()).isEqualTo(90 * MS);
        for (int i = 1; i < 10; i++) {
            if (i != 4 && i != 5) {
                long spacing = packets.get(i).arrivalNanos() - packets.get(i - 1).arrivalNanos();
                assertThat(spacing).isBetween(12 * MS - 250_000, 12 * MS + 250_000);
            }
        }
        assertThat(report.roundTripNanos()).isEqualTo(110 * MS);
    }

    @Test
    void packetsAreReportedReceivedOnceAndLostOnesAgainWhenTheyArrive() {
        for (int i = 0; i < 3; i++) {
            history.onPacketSent(100, i * MS);
        }
        TransportFeedback lostMiddle = TransportFeedback.of(1, 2, 0, 0, 0, List.of(PacketStatus.SMALL_DELTA,
                PacketStatus.NOT_RECEIVED, PacketStatus.SMALL_DELTA), new int[] {1, 8});
        TransportFeedback allArrived = TransportFeedback.of(1, 2, 0, 0, 1, List.of(PacketStatus.SMALL_DELTA,
                PacketStatus.SMALL_DELTA, PacketStatus.SMALL_DELTA), new int[] {1, 4, 4});

        assertThat(history.onFeedback(lostMiddle, 50 * MS).packets()).hasSize(3);
        assertThat(history.onFeedback(lostMiddle, 60 * MS).packets()).isEmpty();
        List<PacketResult> again = history.onFeedback(allArrived, 70 * MS).packets();

        assertThat(again).extracting(PacketResult::sequence).containsExactly(1L);
        assertThat(again.getFirst().received()).isTrue();
    }

    @Test
    void numbersNeverSentAreCountedAndSkipped() {
        history.onPacketSent(100, 0);
        TransportFeedback feedback = TransportFeedback.of(1, 2, 0, 0, 0, List.of(PacketStatus.SMALL_DELTA,
                PacketStatus.SMALL_DELTA, PacketStatus.NOT_RECEIVED), new int[] {1, 1});

        FeedbackReport report = history.onFeedback(feedback, MS);

        assertThat(report.packets()).hasSize(1);
        assertThat(history.unknown()).isEqualTo(2);
    }

    @Test
    void theReferenceTimeIsExtendedAcrossItsWrap() {
        history.onPacketSent(100, 0);
        history.onPacketSent(100, 0);
        int lastReference = 0x7f_ffff;
        TransportFeedback before = TransportFeedback.of(1, 2, 0, lastReference, 0, List.of(PacketStatus.SMALL_DELTA),
                new int[] {0});
        TransportFeedback after = TransportFeedback.of(1, 2, 1, -0x80_0000, 1, List.of(PacketStatus.SMALL_DELTA),
                new int[] {0});

        long first = history.onFeedback(before, MS).packets().getFirst().arrivalNanos();
        long second = history.onFeedback(after, 2 * MS).packets().getFirst().arrivalNanos();

        assertThat(second - first).isEqualTo(64 * MS);
    }
}
