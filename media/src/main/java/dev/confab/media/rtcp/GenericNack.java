package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;
import dev.confab.media.rtp.SeqNum;
import java.util.ArrayList;
import java.util.List;

/**
 * Generic NACK (RFC 4585 6.2.1, RTPFB FMT 1): the receiver asks for lost packets again. Immutable.
 *
 * @param senderSsrc the requester
 * @param mediaSsrc  the source whose packets were lost
 * @param items      at least one entry
 */
public record GenericNack(int senderSsrc, int mediaSsrc, List<NackItem> items) implements RtcpPacket {
    static final int FORMAT = 1;
    /** As many as the 16-bit length field can cover. */
    private static final int MAX_ITEMS = 65_533;

    /** Copies the list and checks it is not empty. */
    public GenericNack {
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a NACK names 1-" + MAX_ITEMS + " items, not " + items.size());
        }
    }

    /** A NACK for {@code lost} sequence numbers, given in ascending (wrap-aware) order, packed into few items. */
    public static GenericNack of(int senderSsrc, int mediaSsrc, List<Integer> lost) {
        List<NackItem> items = new ArrayList<>();
        int pid = -1;
        int mask = 0;
        for (int seq : lost) {
            int step = pid < 0 ? 0 : SeqNum.diff(seq, pid);
            if (pid >= 0 && step >= 1 && step <= 16) {
                mask |= 1 << (step - 1);
            } else if (pid < 0 || step != 0) {
                if (pid >= 0) {
                    items.add(new NackItem(pid, mask));
                }
                pid = seq & 0xffff;
                mask = 0;
            }
        }
        if (pid >= 0) {
            items.add(new NackItem(pid, mask));
        }
        return new GenericNack(senderSsrc, mediaSsrc, items);
    }

    /** Every sequence number this NACK asks for, in the order of its items. */
    public List<Integer> lostSequenceNumbers() {
        List<Integer> lost = new ArrayList<>();
        for (NackItem item : items) {
            lost.add(item.packetId());
            for (int bit = 0; bit < 16; bit++) {
                if ((item.lostBitmask() & (1 << bit)) != 0) {
                    lost.add(SeqNum.add(item.packetId(), bit + 1));
                }
            }
        }
        return lost;
    }

    static GenericNack parse(byte[] buf, int off, int end) throws MalformedRtcp {
        FeedbackHeader.requireFci(off, end, 4, 4, "Generic NACK");
        List<NackItem> items = new ArrayList<>((end - off - FeedbackHeader.LENGTH) / 4);
        for (int at = off + FeedbackHeader.LENGTH; at < end; at += 4) {
            items.add(new NackItem(BigEndian.u16(buf, at), BigEndian.u16(buf, at + 2)));
        }
        return new GenericNack(FeedbackHeader.senderSsrc(buf, off), FeedbackHeader.mediaSsrc(buf, off), items);
    }

    @Override
    public int size() {
        return FeedbackHeader.LENGTH + 4 * items.size();
    }

    @Override
    public void writeBody(byte[] buf, int off) {
        FeedbackHeader.write(buf, off, FORMAT, RtcpHeader.RTPFB, size(), senderSsrc, mediaSsrc);
        int at = off + FeedbackHeader.LENGTH;
        for (NackItem item : items) {
            BigEndian.put16(buf, at, item.packetId());
            BigEndian.put16(buf, at + 2, item.lostBitmask());
            at += 4;
        }
    }
}
