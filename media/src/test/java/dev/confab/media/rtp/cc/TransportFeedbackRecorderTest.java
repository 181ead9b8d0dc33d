package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.rtcp.PacketStatus;
import dev.confab.media.rtcp.TransportFeedback;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receiver's feedback: statuses, deltas and reference time, reordering, duplicates, the wrap and the window. */
class TransportFeedbackRecorderTest {
    private static final long MS = 1_000_000;
    private static final long START = 1_000 * MS;

    private final TransportFeedbackRecorder recorder = new TransportFeedbackRecorder();

    @Test
    void packetsInOrderAreReportedWithDeltasFromTheReferenceTime() {
        for (int i = 0; i < 5; i++) {
            recorder.onPacket(100 + i, START + 10 * MS + i * MS);
        }

        List<TransportFeedback> feedback = recorder.buildFeedback(7, 8);

        assertThat(feedback).hasSize(1);
        TransportFeedback message = feedback.getFirst();
        assertThat(message.senderSsrc()).isEqualTo(7);
        assertThat(message.mediaSsrc()).isEqualTo(8);
        assertThat(message.baseSequence()).isEqualTo(100);
        assertThat(message.referenceTime()).isEqualTo((int) ((START + 10 * MS) / (64 * MS)));
        assertThat(message.statusCount()).isEqualTo(5);
        // 1010 ms is 15 reference ticks (960 ms) and 50 ms, 200 delta ticks; then 1 ms, 4 ticks, apart
        assertThat(deltas(message)).containsExactly(200, 4, 4, 4, 4);
        assertThat(recorder.buildFeedback(7, 8)).as("nothing new").isEmpty();
    }

    @Test
    void gapsAreReportedNotReceived() {
        recorder.onPacket(10, START);
        recorder.onPacket(13, START + 2 * MS);

        TransportFeedback message = recorder.buildFeedback(1, 2).getFirst();

        assertThat(statuses(message)).containsExactly(PacketStatus.SMALL_DELTA, PacketStatus.NOT_RECEIVED,
                PacketStatus.NOT_RECEIVED, PacketStatus.SMALL_DELTA);
        assertThat(message.receivedCount()).isEqualTo(2);
    }

    @Test
    void aReorderedPacketGetsANegativeDelta() {
        recorder.onPacket(1, START);
        recorder.onPacket(3, START + 4 * MS);
        recorder.onPacket(2, START + 5 * MS);

        TransportFeedback message = recorder.buildFeedback(1, 2).getFirst();

        assertThat(statuses(message)).containsExactly(PacketStatus.SMALL_DELTA, PacketStatus.SMALL_DELTA,
                PacketStatus.LARGE_DELTA);
        assertThat(deltas(message)).endsWith(20, -4);
    }

    @Test
    void duplicatesAndLatePacketsAreCountedNotReportedAgain() {
        recorder.onPacket(1, START);
        recorder.onPacket(1, START + MS);
        recorder.onPacket(3, START + 2 * MS);
        recorder.buildFeedback(1, 2);

        recorder.onPacket(3, START + 3 * MS);
        recorder.onPacket(2, START + 4 * MS);

        assertThat(recorder.duplicates()).isEqualTo(2);
        assertThat(recorder.late()).isEqualTo(1);
        assertThat(recorder.buildFeedback(1, 2)).isEmpty();
    }

    @Test
    void theSequenceWrapsWithinOneMessage() {
        int[] sequence = {65534, 65535, 0, 1};
        for (int i = 0; i < sequence.length; i++) {
            recorder.onPacket(sequence[i], START + i * MS);
        }

        TransportFeedback message = recorder.buildFeedback(1, 2).getFirst();

        assertThat(message.baseSequence()).isEqualTo(65534);
        assertThat(message.statusCount()).isEqualTo(4);
        assertThat(message.sequenceNumber(3)).isEqualTo(1);
    }

    @Test
    void theFeedbackCountGoesUpPerMessageAndWraps() {
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 258; i++) {
            recorder.onPacket(i, START + i * MS);
            counts.add(recorder.buildFeedback(1, 2).getFirst().feedbackCount());
        }

        assertThat(counts).startsWith(0, 1, 2).endsWith(254, 255, 0, 1);
    }

    @Test
    void arrivalsMoreThanADeltaApartGoInSeparateMessages() {
        recorder.onPacket(1, START);
        recorder.onPacket(2, START + 9_000 * MS);

        List<TransportFeedback> feedback = recorder.buildFeedback(1, 2);

        assertThat(feedback).hasSize(2);
        assertThat(feedback.get(1).baseSequence()).isEqualTo(2);
        assertThat(feedback.get(1).feedbackCount()).isEqualTo(1);
    }

    @Test
    void manyPacketsAreSplitIntoBoundedMessages() {
        for (int i = 0; i < 1000; i++) {
            recorder.onPacket(i, START + i * MS / 4);
        }

        List<TransportFeedback> feedback = recorder.buildFeedback(1, 2);

        assertThat(feedback).hasSize(5);
        assertThat(feedback).allSatisfy(m -> assertThat(m.size()).isLessThan(1024));
        assertThat(feedback.stream().mapToInt(TransportFeedback::receivedCount).sum()).isEqualTo(1000);
    }

    @Test
    void aJumpPastTheWindowForgetsWhatItPassesAndKeepsMemoryBounded() {
        recorder.onPacket(0, START);
        recorder.onPacket(1, START);
        recorder.onPacket(30_000, START + MS);

        List<TransportFeedback> feedback = recorder.buildFeedback(1, 2);

        assertThat(recorder.forgotten()).isEqualTo(2);
        assertThat(feedback.stream().mapToInt(TransportFeedback::statusCount).sum())
                .isEqualTo(TransportFeedbackRecorder.WINDOW);
        assertThat(feedback.getLast().sequenceNumber(feedback.getLast().statusCount() - 1)).isEqualTo(30_000);
    }

    @Test
    void afterAStrayJumpAheadTheRealNumbersAreReportedAgainWithinTheStartOverDistance() {
        recorder.onPacket(100, START);
        recorder.onPacket(100 + TransportFeedbackRecorder.WINDOW + 300, START);
        recorder.buildFeedback(1, 2);

        for (int i = 1; i <= TransportFeedbackRecorder.START_OVER_BEHIND + 300; i++) {
            recorder.onPacket(100 + i, START + i * MS);
        }

        List<TransportFeedback> feedback = recorder.buildFeedback(1, 2);
        assertThat(feedback).isNotEmpty();
        assertThat(feedback.getLast().sequenceNumber(feedback.getLast().statusCount() - 1))
                .isEqualTo(100 + TransportFeedbackRecorder.START_OVER_BEHIND + 300);
        assertThat(recorder.late()).isLessThanOrEqualTo(TransportFeedbackRecorder.START_OVER_BEHIND);
    }

    @Test
    void aPacketFarBehindWhatWasReportedStartsOver() {
        recorder.onPacket(20_000, START);
        recorder.buildFeedback(1, 2);

        recorder.onPacket(10_000, START + MS);
        recorder.onPacket(10_001, START + 2 * MS);

        TransportFeedback message = recorder.buildFeedback(1, 2).getFirst();
        assertThat(message.baseSequence()).isEqualTo(10_000);
        assertThat(message.receivedCount()).isEqualTo(2);
    }

    static List<PacketStatus> statuses(TransportFeedback message) {
        List<PacketStatus> statuses = new ArrayList<>();
        for (int i = 0; i < message.statusCount(); i++) {
            statuses.add(message.status(i));
        }
        return statuses;
    }

    static List<Integer> deltas(TransportFeedback message) {
        List<Integer> deltas = new ArrayList<>();
        for (int i = 0; i < message.receivedCount(); i++) {
            deltas.add(message.delta(i));
        }
        return deltas;
    }
}
