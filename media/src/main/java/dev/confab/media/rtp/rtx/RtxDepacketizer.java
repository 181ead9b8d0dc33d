package dev.confab.media.rtp.rtx;

import dev.confab.media.rtp.BigEndian;
import dev.confab.media.rtp.RtpPacketReader;

/**
 * Turns the packets of a received RTX stream (RFC 4588 section 4) back into the original packets they carry, in place:
 * the SSRC becomes the media stream's, the payload type the one the RTX payload type is {@code apt}-mapped to
 * (section 8.1), the sequence number the original sequence number (OSN) that led the payload, and the payload moves
 * two bytes forward over the OSN; the RTX packet's own padding is dropped. Timestamp, marker bit, CSRCs and header
 * extension are the original's already, as the sender copied them (but for abs-send-time and the transport-wide
 * sequence number, which describe the retransmission, as bandwidth estimation wants). The result goes on down the
 * media stream's path as a late packet.
 *
 * <p>An RTX packet without payload is a sender's padding (Chromium probes bandwidth that way) and is dropped as such;
 * one whose payload is too short for the OSN, one on another SSRC or with an unknown payload type is dropped as bad.
 * Each drop is a status and a count ({@link #stats()}); nothing throws, nothing is allocated.
 *
 * <p>Thread contract: one thread at a time (the media stream's receive queue).
 */
public final class RtxDepacketizer {
    private final RtpPacketReader reader = new RtpPacketReader();
    private final int rtxSsrc;
    private final int mediaSsrc;
    private final RtxPayloadTypes payloadTypes;
    private long packets;
    private long restored;
    private long paddingOnly;
    private long malformed;
    private long wrongSsrc;
    private long unknownPayloadType;

    /** Restores packets of RTX stream {@code rtxSsrc} into media stream {@code mediaSsrc}. */
    public RtxDepacketizer(int rtxSsrc, int mediaSsrc, RtxPayloadTypes payloadTypes) {
        this.rtxSsrc = rtxSsrc;
        this.mediaSsrc = mediaSsrc;
        this.payloadTypes = payloadTypes;
    }

    /**
     * Rewrites the RTX packet {@code buf[off, off + len)} (decrypted) into the original packet, which then starts at
     * {@code off}. Returns the original's length, or a negative status that {@link RtxFailure#of(int)} explains:
     * {@link RtxFailure#PADDING_ONLY}, {@link RtxFailure#MALFORMED_RTP}, {@link RtxFailure#TOO_SHORT_FOR_OSN},
     * {@link RtxFailure#WRONG_SSRC}, {@link RtxFailure#UNKNOWN_PAYLOAD_TYPE} or {@link RtxFailure#INVALID_ARGUMENT};
     * a dropped packet's bytes are left as they were.
     */
    public int restore(byte[] buf, int off, int len) {
        if (BigEndian.outside(buf, off, len)) {
            return RtxFailure.INVALID_ARGUMENT.status();
        }
        packets++;
        int payload = reader.wrap(buf, off, len);
        if (payload < 0) {
            malformed++;
            return RtxFailure.MALFORMED_RTP.status();
        }
        if (reader.ssrc() != rtxSsrc) {
            wrongSsrc++;
            return RtxFailure.WRONG_SSRC.status();
        }
        int mediaType = payloadTypes.associated(reader.payloadType());
        if (mediaType < 0) {
            unknownPayloadType++;
            return RtxFailure.UNKNOWN_PAYLOAD_TYPE.status();
        }
        if (payload == 0) {
            paddingOnly++;
            return RtxFailure.PADDING_ONLY.status();
        }
        if (payload < RtxPacketizer.OSN_LENGTH) {
            malformed++;
            return RtxFailure.TOO_SHORT_FOR_OSN.status();
        }
        int at = reader.payloadOffset();
        int originalSequence = BigEndian.u16(buf, at);
        System.arraycopy(buf, at + RtxPacketizer.OSN_LENGTH, buf, at, payload - RtxPacketizer.OSN_LENGTH);
        buf[off] &= ~0x20;
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | mediaType);
        BigEndian.put16(buf, off + 2, originalSequence);
        BigEndian.put32(buf, off + 8, mediaSsrc);
        restored++;
        return reader.headerLength() + payload - RtxPacketizer.OSN_LENGTH;
    }

    public RtxReceiveStats stats() {
        return new RtxReceiveStats(packets, restored, paddingOnly, malformed, wrongSsrc, unknownPayloadType);
    }
}
