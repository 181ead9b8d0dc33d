package dev.confab.media.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.rtcp.GenericNack;
import dev.confab.media.rtcp.NackItem;
import dev.confab.media.rtcp.RtcpCompound;
import dev.confab.media.rtcp.RtcpPacket;
import dev.confab.media.rtcp.RtcpParse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Due sequence numbers packed into Generic NACKs (RFC 4585 section 6.2.1), bounded per packet. */
class NackRequestsTest {

    @Test
    void packsNeighboursIntoOneItemAcrossTheWrap() {
        int[] lost = {65534, 65535, 0, 14, 16, 40}; // 14 is the 16th after 65534, 16 the 18th

        List<GenericNack> packets = NackRequests.packets(1, 2, lost, lost.length, NackRequests.MAX_ITEMS);

        assertThat(packets).containsExactly(new GenericNack(1, 2, List.of(
                new NackItem(65534, 0b1000_0000_0000_0011), new NackItem(16, 0), new NackItem(40, 0))));
    }

    @Test
    void splitsIntoPacketsOfAtMostTheItemsAllowedThatParseBackToTheSameNumbers() {
        int[] lost = IntStream.range(0, 600).map(i -> (65000 + 20 * i) & 0xffff).toArray();

        List<GenericNack> packets = NackRequests.packets(1, 2, lost, lost.length, NackRequests.MAX_ITEMS);

        assertThat(packets).extracting(p -> p.items().size()).containsExactly(253, 253, 94);
        byte[] datagram = new byte[RtcpCompound.size(packets)];
        RtcpCompound.marshal(packets, datagram, 0);
        assertThat(datagram.length).isLessThanOrEqualTo(3 * (12 + 4 * 253));
        List<Integer> parsedBack = new ArrayList<>();
        for (RtcpPacket packet : ((RtcpParse.Parsed) RtcpCompound.parse(datagram, 0, datagram.length)).packets()) {
            parsedBack.addAll(((GenericNack) packet).lostSequenceNumbers());
        }
        assertThat(parsedBack).containsExactlyElementsOf(IntStream.of(lost).boxed().toList());
    }

    @Test
    void takesOnlyTheCountGivenAndNothingForNone() {
        int[] lost = {7, 9, 11};

        assertThat(NackRequests.packets(1, 2, lost, 2, 1)).containsExactly(
                new GenericNack(1, 2, List.of(new NackItem(7, 0b10))));
        assertThat(NackRequests.packets(1, 2, lost, 0, 1)).isEmpty();
        assertThatThrownBy(() -> NackRequests.packets(1, 2, lost, 4, 1)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> NackRequests.packets(1, 2, lost, 1, 254)).isInstanceOf(
                IllegalArgumentException.class);
    }
}
