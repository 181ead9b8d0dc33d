package dev.confab.media.rtp.rtx;

import dev.confab.media.rtcp.GenericNack;
import dev.confab.media.rtcp.NackItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the sequence numbers a {@link NackGenerator} found due into Generic NACK packets (RFC 4585 section 6.2.1) for
 * the rtcp package to write, each bounded so that it fits one datagram beside a receiver report. Stateless.
 */
public final class NackRequests {
    /**
     * The most FCI items per packet: 253, as Chromium's RTCP sender puts at most (1012 bytes of items; with the
     * feedback header, a receiver report and SRTCP's trailer the datagram stays under 1200 bytes).
     */
    public static final int MAX_ITEMS = 253;

    private NackRequests() {}

    /**
     * Generic NACKs from {@code senderSsrc} for {@code mediaSsrc} asking for {@code lost[0, count)}, given oldest
     * first, at most {@code maxItems} items (1 to {@value #MAX_ITEMS}) each; none if {@code count} is 0.
     */
    public static List<GenericNack> packets(int senderSsrc, int mediaSsrc, int[] lost, int count, int maxItems) {
        if (count < 0 || count > lost.length || maxItems < 1 || maxItems > MAX_ITEMS) {
            throw new IllegalArgumentException("count 0-" + lost.length + " and 1-" + MAX_ITEMS
                    + " items a packet, not " + count + " and " + maxItems);
        }
        if (count == 0) {
            return List.of();
        }
        List<Integer> sequenceNumbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sequenceNumbers.add(lost[i] & 0xffff);
        }
        List<NackItem> items = GenericNack.of(senderSsrc, mediaSsrc, sequenceNumbers).items();
        List<GenericNack> packets = new ArrayList<>(items.size() / maxItems + 1);
        for (int from = 0; from < items.size(); from += maxItems) {
            packets.add(new GenericNack(senderSsrc, mediaSsrc,
                    items.subList(from, Math.min(items.size(), from + maxItems))));
        }
        return packets;
    }
}
