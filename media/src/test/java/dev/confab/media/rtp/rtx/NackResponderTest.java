package dev.confab.media.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.rtcp.GenericNack;
import dev.confab.media.rtcp.NackItem;
import dev.confab.media.rtp.BigEndian;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A NACK answered from the buffer through the RTX packetizer, in the order asked, refusals counted. */
class NackResponderTest {
    private static final long MILLIS = 1_000_000L;

    private final RetransmissionBuffer buffer = new RetransmissionBuffer(new RetransmissionBufferConfig(64, 1500,
            1000 * MILLIS));
    private final List<byte[]> sent = new ArrayList<>();
    private int transportSequence = 1000;
    private final NackResponder responder = new NackResponder(buffer, RtxPacketizer.rtx(RtxPacketizerTest.RTX_SSRC,
            RtxPacketizerTest.TYPES, RtxPacketizerTest.IDS, 500), 1500, () -> transportSequence++);

    @Test
    void resendsEveryPacketTheItemsNameAsRtxInOrder() {
        for (int seq = 65530; seq < 65530 + 30; seq++) {
            buffer.store(RetransmissionBufferTest.packet(seq & 0xffff, 40), 0, 40, 0);
        }
        GenericNack nack = new GenericNack(9, 0x1234_5678, List.of(new NackItem(65534, 0b1000_0000_0000_0101),
                new NackItem(40, 0)));

        int resent = responder.onNack(nack, 10 * MILLIS, (buf, off, len) -> sent.add(Arrays.copyOfRange(buf, off,
                off + len)));

        assertThat(resent).isEqualTo(4);
        assertThat(sent).extracting(p -> BigEndian.u16(p, 12)).containsExactly(65534, 65535, 1, 14);
        assertThat(sent).extracting(p -> BigEndian.u16(p, 2)).containsExactly(500, 501, 502, 503);
        assertThat(sent).allSatisfy(p -> assertThat(p).hasSize(42));
        assertThat(responder.refused()).isEqualTo(1); // 40 was never sent
        assertThat(buffer.stats().resent()).isEqualTo(4);
    }

    @Test
    void refusesARepeatWithinTheRoundTrip() {
        buffer.store(RetransmissionBufferTest.packet(7, 40), 0, 40, 0);
        buffer.setRoundTrip(50 * MILLIS);
        GenericNack nack = new GenericNack(9, 0x1234_5678, List.of(new NackItem(7, 0)));

        assertThat(responder.onNack(nack, 1 * MILLIS, (buf, off, len) -> sent.add(buf))).isEqualTo(1);
        assertThat(responder.onNack(nack, 30 * MILLIS, (buf, off, len) -> sent.add(buf))).isZero();
        assertThat(responder.onNack(nack, 60 * MILLIS, (buf, off, len) -> sent.add(buf))).isEqualTo(1);
        assertThat(responder.refused()).isEqualTo(1);
    }
}
