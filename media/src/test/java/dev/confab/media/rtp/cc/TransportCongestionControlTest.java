package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.rtcp.TransportFeedback;
import org.junit.jupiter.api.Test;

/** The sender's facade: numbers packets and moves the target with the receiver's feedback. */
class TransportCongestionControlTest {
    private static final long MS = 1_000_000;

    @Test
    void feedbackOfEverythingArrivingOnTimeRaisesTheTargetAndItsSnapshotSaysWhy() {
        TransportCongestionControl congestion = new TransportCongestionControl(BandwidthLimits.DEFAULT);
        TransportFeedbackRecorder recorder = new TransportFeedbackRecorder();
        assertThat(congestion.targetBps()).isEqualTo(BandwidthLimits.DEFAULT.startBps());

        for (long now = 0; now < 3_000 * MS; now += 5 * MS) {
            int seq = congestion.onPacketSent(200, now);
            recorder.onPacket(seq, now + 30 * MS);
            if (now % (100 * MS) == 0) {
                for (TransportFeedback feedback : recorder.buildFeedback(1, 2)) {
                    congestion.onFeedback(feedback, now + 60 * MS);
                }
            }
        }

        CongestionSnapshot snapshot = congestion.snapshot();
        assertThat(snapshot.targetBps()).isGreaterThan(BandwidthLimits.DEFAULT.startBps());
        assertThat(snapshot.acknowledgedBps()).isEqualTo(320_000);
        assertThat(snapshot.usage()).isEqualTo(BandwidthUsage.NORMAL);
        assertThat(snapshot.lossFraction()).isZero();
        assertThat(snapshot.roundTripNanos()).isBetween(60 * MS, 160 * MS);
        assertThat(snapshot.unknownFeedback()).isZero();
    }

    @Test
    void feedbackOfHeavyLossLowersTheTarget() {
        TransportCongestionControl congestion = new TransportCongestionControl(BandwidthLimits.DEFAULT);
        TransportFeedbackRecorder recorder = new TransportFeedbackRecorder();

        for (long now = 0; now < 3_000 * MS; now += 5 * MS) {
            int seq = congestion.onPacketSent(200, now);
            if (seq % 4 != 0) {
                recorder.onPacket(seq, now + 30 * MS);
            }
            if (now % (100 * MS) == 0) {
                for (TransportFeedback feedback : recorder.buildFeedback(1, 2)) {
                    congestion.onFeedback(feedback, now + 60 * MS);
                }
            }
        }

        assertThat(congestion.targetBps()).isLessThan(BandwidthLimits.DEFAULT.startBps());
        assertThat(congestion.snapshot().lossFraction()).isBetween(0.2, 0.3);
    }
}
