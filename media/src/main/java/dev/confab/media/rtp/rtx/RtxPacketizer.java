package dev.confab.media.rtp.rtx;

import dev.confab.media.rtp.AbsSendTime;
import dev.confab.media.rtp.BigEndian;
import dev.confab.media.rtp.ExtensionElements;
import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.RtpPacketReader;
import dev.confab.media.rtp.TransportSequence;
import java.util.function.IntSupplier;

/**
 * Makes the packet that answers a NACK out of the original one that a {@link RetransmissionBuffer} handed back.
 *
 * <p>When the peer negotiated RTX, it is a retransmission packet of RFC 4588 section 4 on the RTX stream
 * (SSRC-multiplexed, as WebRTC sends it): the RTX stream's SSRC and its own consecutive sequence numbers, the RTX
 * payload type {@code apt}-mapped to the original's, and the original's timestamp, marker bit, CSRCs and header
 * extension; the payload is the 2-byte original sequence number (OSN) and then the original payload, without the
 * original's padding. Without RTX it is the original packet as it was, which RFC 4585 allows and Chromium does: the
 * receiver takes it for a late packet.
 *
 * <p>Either way the elements that describe this sending rather than the media are written anew, as WebRTC writes them
 * into every packet as it leaves: abs-send-time (the retransmission's own send time, which receive-side bandwidth
 * estimation reads) and the transport-wide sequence number (transport-cc counts every packet on the wire once). Every
 * other element (mid, audio level, unknown ones) is copied in place; Confab sends no rid, so there is no
 * repaired-rid to write.
 *
 * <p>Nothing is allocated. Thread contract: one thread at a time (the stream's send queue).
 */
public final class RtxPacketizer {
    /** The retransmission payload header: the original sequence number. */
    public static final int OSN_LENGTH = 2;

    private final RtpPacketReader original = new RtpPacketReader();
    private final HeaderExtensionIds ids;
    private final boolean rtx;
    private final int rtxSsrc;
    private final RtxPayloadTypes payloadTypes;
    private int sequence;

    private RtxPacketizer(HeaderExtensionIds ids, boolean rtx, int rtxSsrc, RtxPayloadTypes payloadTypes,
            int firstSequence) {
        this.ids = ids;
        this.rtx = rtx;
        this.rtxSsrc = rtxSsrc;
        this.payloadTypes = payloadTypes;
        this.sequence = firstSequence;
    }

    /**
     * Wraps packets as RTX on {@code rtxSsrc}, with the payload types of {@code payloadTypes}, numbering them from
     * {@code firstSequence} (0-65535; RFC 3550 wants it random), for a stream whose extensions have {@code ids}.
     */
    public static RtxPacketizer rtx(int rtxSsrc, RtxPayloadTypes payloadTypes, HeaderExtensionIds ids,
            int firstSequence) {
        if (firstSequence < 0 || firstSequence > 0xffff) {
            throw new IllegalArgumentException("a sequence number is 0-65535: " + firstSequence);
        }
        return new RtxPacketizer(ids, true, rtxSsrc, payloadTypes, firstSequence);
    }

    /** Resends originals as they were, for a peer that did not negotiate RTX; {@code ids} as in {@link #rtx}. */
    public static RtxPacketizer plain(HeaderExtensionIds ids) {
        return new RtxPacketizer(ids, false, 0, RtxPayloadTypes.none(), 0);
    }

    /** Whether packets go out as RTX rather than as the originals. */
    public boolean sendsRtx() {
        return rtx;
    }

    /**
     * Writes the retransmission of the RTP packet {@code src[off, off + len)} into {@code dst[dstOff..]} (room up to
     * {@code dstOff + capacity}; not overlapping the source), to leave at {@code sendNanos}. If the original carries
     * a transport-wide sequence number, the next of {@code transportSequences} replaces it (low 16 bits); otherwise
     * none is taken. Returns the length, or a negative status that {@link RtxFailure#of(int)} explains:
     * {@link RtxFailure#MALFORMED_RTP}, {@link RtxFailure#NO_RTX_PAYLOAD_TYPE}, {@link RtxFailure#BUFFER_TOO_SMALL}
     * or {@link RtxFailure#INVALID_ARGUMENT}. The RTX sequence number advances only for a packet written.
     */
    public int packetize(byte[] src, int off, int len, byte[] dst, int dstOff, int capacity, long sendNanos,
            IntSupplier transportSequences) {
        if (BigEndian.outside(dst, dstOff, capacity)) {
            return RtxFailure.INVALID_ARGUMENT.status();
        }
        int payload = original.wrap(src, off, len);
        if (payload < 0) {
            return RtxFailure.MALFORMED_RTP.status();
        }
        int length = rtx ? wrapAsRtx(dst, dstOff, capacity) : copy(dst, dstOff, capacity);
        if (length >= 0) {
            rewriteSendTime(dst, dstOff - off, sendNanos, transportSequences);
        }
        return length;
    }

    private int wrapAsRtx(byte[] dst, int at, int capacity) {
        int payloadType = payloadTypes.retransmission(original.payloadType());
        if (payloadType < 0) {
            return RtxFailure.NO_RTX_PAYLOAD_TYPE.status();
        }
        byte[] src = original.array();
        int off = original.offset();
        int header = original.headerLength();
        int length = header + OSN_LENGTH + original.payloadLength();
        if (length > capacity) {
            return RtxFailure.BUFFER_TOO_SMALL.status();
        }
        System.arraycopy(src, off, dst, at, header);
        dst[at] &= ~0x20; // the original's padding stays behind
        dst[at + 1] = (byte) ((original.marker() ? 0x80 : 0) | payloadType);
        BigEndian.put16(dst, at + 2, sequence);
        BigEndian.put32(dst, at + 8, rtxSsrc);
        BigEndian.put16(dst, at + header, original.sequenceNumber());
        System.arraycopy(src, original.payloadOffset(), dst, at + header + OSN_LENGTH, original.payloadLength());
        sequence = (sequence + 1) & 0xffff;
        return length;
    }

    private int copy(byte[] dst, int at, int capacity) {
        if (original.length() > capacity) {
            return RtxFailure.BUFFER_TOO_SMALL.status();
        }
        System.arraycopy(original.array(), original.offset(), dst, at, original.length());
        return original.length();
    }

    /** Writes the send-time elements where they sit in {@code dst}: {@code shift} places after the original's. */
    private void rewriteSendTime(byte[] dst, int shift, long sendNanos, IntSupplier transportSequences) {
        ExtensionElements elements = original.extensions();
        while (elements.next()) {
            int id = elements.id();
            int at = elements.offset() + shift;
            if (id == ids.absSendTime() && elements.length() == AbsSendTime.LENGTH) {
                BigEndian.put24(dst, at, AbsSendTime.fromNanos(sendNanos));
            } else if (id == ids.transportSequence() && elements.length() == TransportSequence.LENGTH) {
                BigEndian.put16(dst, at, transportSequences.getAsInt() & 0xffff);
            }
        }
    }
}
