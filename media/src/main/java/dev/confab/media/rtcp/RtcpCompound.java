package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;
import java.util.ArrayList;
import java.util.List;

/**
 * Compound RTCP packets (RFC 3550 6.1): parsing a datagram into its packets and writing packets back to back. With
 * rtcp-rsize (RFC 5506) a datagram may hold a single feedback packet and need not start with a report, so parsing
 * accepts any order; building a regular compound (a report first, then SDES with the CNAME) is the caller's choice
 * of list. Packets of other types are counted and skipped; one malformed packet fails the whole datagram, as RFC
 * 3550 A.2 has it. Stateless.
 */
public final class RtcpCompound {
    private RtcpCompound() {}

    /** Parses {@code buf[off, off + len)}, an unprotected RTCP datagram; never throws for bad bytes. */
    public static RtcpParse parse(byte[] buf, int off, int len) {
        if (BigEndian.outside(buf, off, len)) {
            return new RtcpParse.Failed(RtcpFailure.INVALID_ARGUMENT, "range outside the array");
        }
        if (len < RtcpHeader.LENGTH) {
            return new RtcpParse.Failed(RtcpFailure.TOO_SHORT, len + " bytes are no RTCP packet");
        }
        List<RtcpPacket> packets = new ArrayList<>();
        int skipped = 0;
        int end = off + len;
        for (int at = off; at < end;) {
            try {
                MalformedRtcp.require(end - at >= RtcpHeader.LENGTH, RtcpFailure.TOO_SHORT,
                        (end - at) + " bytes after the last packet");
                MalformedRtcp.require((buf[at] & 0xc0) == 0x80, RtcpFailure.BAD_VERSION, "version is not 2");
                int size = (BigEndian.u16(buf, at + 2) + 1) * 4;
                MalformedRtcp.require(size <= end - at, RtcpFailure.BAD_LENGTH,
                        "a packet of " + size + " bytes with " + (end - at) + " left");
                int bodyEnd = at + size;
                if ((buf[at] & 0x20) != 0) {
                    int padding = buf[bodyEnd - 1] & 0xff;
                    MalformedRtcp.require(padding >= 1 && padding <= size - RtcpHeader.LENGTH,
                            RtcpFailure.PADDING_OVERRUN, "padding of " + padding + " in a packet of " + size);
                    bodyEnd -= padding;
                }
                RtcpPacket packet = parseOne(buf, at, bodyEnd);
                if (packet == null) {
                    skipped++;
                } else {
                    packets.add(packet);
                }
                at += size;
            } catch (MalformedRtcp e) {
                return new RtcpParse.Failed(e.reason(), e.getMessage() + " at byte " + (at - off));
            }
        }
        return new RtcpParse.Parsed(packets, skipped);
    }

    /**
     * Writes {@code packets} back to back at {@code buf[off..]}; returns the compound's length, or the status of
     * {@link RtcpFailure#BUFFER_TOO_SMALL} (or {@link RtcpFailure#INVALID_ARGUMENT}) having written nothing.
     */
    public static int marshal(List<? extends RtcpPacket> packets, byte[] buf, int off) {
        int total = size(packets);
        if (buf == null || off < 0 || off > buf.length) {
            return RtcpFailure.INVALID_ARGUMENT.status();
        }
        if (total > buf.length - off) {
            return RtcpFailure.BUFFER_TOO_SMALL.status();
        }
        int at = off;
        for (RtcpPacket packet : packets) {
            at += packet.marshal(buf, at);
        }
        return total;
    }

    /** The bytes {@link #marshal} writes for {@code packets}. */
    public static int size(List<? extends RtcpPacket> packets) {
        int total = 0;
        for (RtcpPacket packet : packets) {
            total += packet.size();
        }
        return total;
    }

    /** The packet at {@code buf[off, end)} (padding removed), or null for a type Confab does not read. */
    private static RtcpPacket parseOne(byte[] buf, int off, int end) throws MalformedRtcp {
        int count = buf[off] & 0x1f;
        return switch (buf[off + 1] & 0xff) {
            case RtcpHeader.SENDER_REPORT -> SenderReport.parse(buf, off, end, count);
            case RtcpHeader.RECEIVER_REPORT -> ReceiverReport.parse(buf, off, end, count);
            case RtcpHeader.SOURCE_DESCRIPTION -> SourceDescription.parse(buf, off, end, count);
            case RtcpHeader.GOODBYE -> Goodbye.parse(buf, off, end, count);
            case RtcpHeader.RTPFB -> switch (count) {
                case GenericNack.FORMAT -> GenericNack.parse(buf, off, end);
                case TransportFeedback.FORMAT -> TransportFeedback.parse(buf, off, end);
                default -> null;
            };
            case RtcpHeader.PSFB -> switch (count) {
                case PictureLossIndication.FORMAT -> PictureLossIndication.parse(buf, off, end);
                case FullIntraRequest.FORMAT -> FullIntraRequest.parse(buf, off, end);
                case Remb.FORMAT -> Remb.isRemb(buf, off, end) ? Remb.parse(buf, off, end) : null;
                default -> null;
            };
            default -> null;
        };
    }
}
