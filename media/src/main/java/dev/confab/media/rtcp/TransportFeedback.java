package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;
import dev.confab.media.rtp.SeqNum;
import java.util.Arrays;
import java.util.List;

/**
 * transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 section 3.1, RTPFB FMT 15): for a run of
 * transport-wide sequence numbers, which packets arrived and when, as deltas from a reference time. Read from all
 * chunk kinds (run length, 1-bit and 2-bit status vectors); written with run-length chunks for long runs and status
 * vector chunks otherwise, padded with the P bit, as libwebrtc does. Immutable; equal when every field, status and
 * delta is.
 */
public final class TransportFeedback implements RtcpPacket {
    static final int FORMAT = 15;
    /** The unit of receive deltas. */
    public static final int DELTA_TICK_MICROS = 250;
    /** The unit of the reference time. */
    public static final int REFERENCE_TICK_MICROS = 64_000;
    private static final int FIXED = FeedbackHeader.LENGTH + 8;

    private final int senderSsrc;
    private final int mediaSsrc;
    private final int baseSequence;
    private final int referenceTime;
    private final int feedbackCount;
    private final byte[] statuses;
    private final int[] deltas;

    private TransportFeedback(int senderSsrc, int mediaSsrc, int baseSequence, int referenceTime, int feedbackCount,
            byte[] statuses, int[] deltas) {
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.baseSequence = baseSequence;
        this.referenceTime = referenceTime;
        this.feedbackCount = feedbackCount;
        this.statuses = statuses;
        this.deltas = deltas;
    }

    /**
     * A feedback message, checking every range.
     *
     * @param baseSequence  the transport-wide sequence number of the first status, 0-65535
     * @param referenceTime signed 24-bit, in {@link #REFERENCE_TICK_MICROS}
     * @param feedbackCount this message's number, 0-255, increased per message
     * @param statuses      1-65535 statuses, one per sequence number from the base
     * @param deltas        one per received status, in {@link #DELTA_TICK_MICROS}, in the range its status allows
     */
    public static TransportFeedback of(int senderSsrc, int mediaSsrc, int baseSequence, int referenceTime,
            int feedbackCount, List<PacketStatus> statuses, int[] deltas) {
        if (baseSequence < 0 || baseSequence > 0xffff || referenceTime < -0x80_0000 || referenceTime > 0x7f_ffff
                || feedbackCount < 0 || feedbackCount > 255 || statuses.isEmpty() || statuses.size() > 0xffff) {
            throw new IllegalArgumentException("transport-cc field out of range");
        }
        byte[] symbols = new byte[statuses.size()];
        int received = 0;
        for (int i = 0; i < symbols.length; i++) {
            PacketStatus status = statuses.get(i);
            symbols[i] = (byte) status.ordinal();
            if (status != PacketStatus.NOT_RECEIVED) {
                if (received >= deltas.length || !fits(status, deltas[received])) {
                    throw new IllegalArgumentException("packet " + i + " needs a delta its status can carry");
                }
                received++;
            }
        }
        if (received != deltas.length) {
            throw new IllegalArgumentException(deltas.length + " deltas for " + received + " received packets");
        }
        return new TransportFeedback(senderSsrc, mediaSsrc, baseSequence, referenceTime, feedbackCount, symbols,
                deltas.clone());
    }

    static TransportFeedback parse(byte[] buf, int off, int end) throws MalformedRtcp {
        FeedbackHeader.requireFci(off, end, 8, 0, "transport-cc");
        int count = BigEndian.u16(buf, off + FeedbackHeader.LENGTH + 2);
        MalformedRtcp.require(count > 0, RtcpFailure.MALFORMED_TRANSPORT_CC, "transport-cc reports no packet");
        byte[] statuses = new byte[count];
        int at = TransportFeedbackChunks.read(buf, off + FIXED, end, statuses);
        int deltaBytes = 0;
        int received = 0;
        for (byte status : statuses) {
            deltaBytes += status;
            received += status == 0 ? 0 : 1;
        }
        MalformedRtcp.require(at + deltaBytes <= end, RtcpFailure.MALFORMED_TRANSPORT_CC,
                "transport-cc receive deltas run past the packet");
        int[] deltas = new int[received];
        int next = 0;
        for (byte status : statuses) {
            if (status == 1) {
                deltas[next++] = buf[at++] & 0xff;
            } else if (status == 2) {
                deltas[next++] = (short) BigEndian.u16(buf, at);
                at += 2;
            }
        }
        int fixed = off + FeedbackHeader.LENGTH;
        return new TransportFeedback(FeedbackHeader.senderSsrc(buf, off), FeedbackHeader.mediaSsrc(buf, off),
                BigEndian.u16(buf, fixed), BigEndian.u24(buf, fixed + 4) << 8 >> 8, buf[fixed + 7] & 0xff, statuses,
                deltas);
    }

    public int senderSsrc() {
        return senderSsrc;
    }

    public int mediaSsrc() {
        return mediaSsrc;
    }

    public int baseSequence() {
        return baseSequence;
    }

    /** Signed, in {@link #REFERENCE_TICK_MICROS}. */
    public int referenceTime() {
        return referenceTime;
    }

    public int feedbackCount() {
        return feedbackCount;
    }

    /** How many sequence numbers the message covers. */
    public int statusCount() {
        return statuses.length;
    }

    /** The status of the {@code index}-th sequence number, base + index. */
    public PacketStatus status(int index) {
        return PacketStatus.ofSymbol(statuses[index]);
    }

    /** The transport-wide sequence number of the {@code index}-th status. */
    public int sequenceNumber(int index) {
        return SeqNum.add(baseSequence, index);
    }

    /** How many packets were received: as many as there are deltas. */
    public int receivedCount() {
        return deltas.length;
    }

    /** The receive delta of the {@code index}-th received packet, in {@link #DELTA_TICK_MICROS}. */
    public int delta(int index) {
        return deltas[index];
    }

    @Override
    public int size() {
        int deltaBytes = 0;
        for (byte status : statuses) {
            deltaBytes += status;
        }
        return RtcpHeader.padded(FIXED + 2 * TransportFeedbackChunks.count(statuses) + deltaBytes);
    }

    @Override
    public void writeBody(byte[] buf, int off) {
        int size = size();
        FeedbackHeader.write(buf, off, FORMAT, RtcpHeader.RTPFB, size, senderSsrc, mediaSsrc);
        int fixed = off + FeedbackHeader.LENGTH;
        BigEndian.put16(buf, fixed, baseSequence);
        BigEndian.put16(buf, fixed + 2, statuses.length);
        BigEndian.put24(buf, fixed + 4, referenceTime);
        buf[fixed + 7] = (byte) feedbackCount;
        int at = TransportFeedbackChunks.write(statuses, buf, off + FIXED);
        int next = 0;
        for (byte status : statuses) {
            if (status == 1) {
                buf[at++] = (byte) deltas[next++];
            } else if (status == 2) {
                BigEndian.put16(buf, at, deltas[next++]);
                at += 2;
            }
        }
        int padding = off + size - at;
        if (padding > 0) {
            Arrays.fill(buf, at, off + size, (byte) 0);
            buf[off + size - 1] = (byte) padding;
            buf[off] |= 0x20;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportFeedback t && senderSsrc == t.senderSsrc && mediaSsrc == t.mediaSsrc
                && baseSequence == t.baseSequence && referenceTime == t.referenceTime
                && feedbackCount == t.feedbackCount && Arrays.equals(statuses, t.statuses)
                && Arrays.equals(deltas, t.deltas);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * baseSequence + Arrays.hashCode(statuses)) + Arrays.hashCode(deltas);
    }

    @Override
    public String toString() {
        return "TransportFeedback[base=" + baseSequence + ", statuses=" + statuses.length + ", received="
                + deltas.length + ", referenceTime=" + referenceTime + ", feedbackCount=" + feedbackCount + "]";
    }

    private static boolean fits(PacketStatus status, int delta) {
        return status == PacketStatus.SMALL_DELTA ? delta >= 0 && delta <= 255 : delta == (short) delta;
    }
}
