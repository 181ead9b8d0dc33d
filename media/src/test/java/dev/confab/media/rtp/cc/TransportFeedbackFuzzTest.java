package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.confab.media.rtcp.RtcpCompound;
import dev.confab.media.rtcp.RtcpParse;
import dev.confab.media.rtcp.TransportFeedback;
import java.util.List;

/**
 * Jazzer fuzz target for the transport-cc path end to end: the input is a script of 3-byte steps, an operation and a
 * 16-bit value: a packet a signed step (the value's high byte) after the last arriving the low byte times 100 us
 * later, a packet at the value itself (any jump), feedback built, or the clock moving on by the value in units of
 * 10 ms. Built feedback must be under 1 KiB a message and write and parse back equal; it is then matched by a
 * {@link SentPacketHistory} that sent 5000 packets and fed to the estimate, which must stay within its limits. Nothing
 * may throw. Seeds (in this test's Inputs directory): packets in order with gaps across the wrap, reordering and
 * duplicates, a jump past the window and back, arrivals seconds apart.
 */
class TransportFeedbackFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void script(byte[] input) {
        TransportFeedbackRecorder recorder = new TransportFeedbackRecorder();
        SentPacketHistory history = new SentPacketHistory();
        SendSideBandwidthEstimator estimator = new SendSideBandwidthEstimator(BandwidthLimits.DEFAULT);
        for (int i = 0; i < 5000; i++) {
            history.onPacketSent(1000, i * 1_000_000L);
        }
        int seq = 65500;
        long now = 0;
        for (int at = 0; at + 3 <= input.length; at += 3) {
            int value = (input[at + 1] & 0xff) << 8 | input[at + 2] & 0xff;
            switch ((input[at] & 0xff) % 4) {
                case 0 -> {
                    seq = (seq + input[at + 1]) & 0xffff;
                    now += (input[at + 2] & 0xff) * 100_000L;
                    recorder.onPacket(seq, now);
                }
                case 1 -> {
                    seq = value;
                    recorder.onPacket(seq, now);
                }
                case 2 -> {
                    for (TransportFeedback message : recorder.buildFeedback(1, 2)) {
                        assertThat(message.size()).isLessThan(1024);
                        assertThat(writtenAndParsed(message)).isEqualTo(message);
                        FeedbackReport report = history.onFeedback(message, now);
                        assertThat(report.packets()).allSatisfy(p -> assertThat(p.sequence()).isBetween(0L, 4999L));
                        assertThat(estimator.onFeedback(report)).isBetween(BandwidthLimits.DEFAULT.minBps(),
                                BandwidthLimits.DEFAULT.maxBps());
                    }
                }
                default -> now += value * 10_000_000L;
            }
        }
    }

    private static TransportFeedback writtenAndParsed(TransportFeedback message) {
        byte[] wire = new byte[message.size()];
        assertThat(RtcpCompound.marshal(List.of(message), wire, 0)).isEqualTo(wire.length);
        RtcpParse parse = RtcpCompound.parse(wire, 0, wire.length);
        assertThat(parse).isInstanceOf(RtcpParse.Parsed.class);
        return (TransportFeedback) ((RtcpParse.Parsed) parse).packets().getFirst();
    }
}
