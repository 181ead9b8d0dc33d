package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;
import java.util.ArrayList;
import java.util.List;

/**
 * SDES (RFC 3550 6.5): items describing sources; Confab sends only a CNAME. Immutable.
 *
 * @param chunks at most 31 chunks
 */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {

    /** Copies the list and checks its size. */
    public SourceDescription {
        if (chunks.size() > 31) {
            throw new IllegalArgumentException("at most 31 SDES chunks, not " + chunks.size());
        }
        chunks = List.copyOf(chunks);
    }

    /** The SDES of one source with only its CNAME, as each compound carries (RFC 3550 6.1). */
    public static SourceDescription cname(int ssrc, String cname) {
        return new SourceDescription(List.of(new SdesChunk(ssrc, List.of(new SdesItem(SdesItem.CNAME, cname)))));
    }

    static SourceDescription parse(byte[] buf, int off, int end, int count) throws MalformedRtcp {
        List<SdesChunk> chunks = new ArrayList<>(count);
        int at = off + RtcpHeader.LENGTH;
        for (int c = 0; c < count; c++) {
            MalformedRtcp.require(at + 4 <= end, RtcpFailure.MALFORMED_SDES, "SDES chunk " + c + " has no SSRC");
            int ssrc = BigEndian.i32(buf, at);
            at += 4;
            List<SdesItem> items = new ArrayList<>();
            while (true) {
                MalformedRtcp.require(at < end, RtcpFailure.MALFORMED_SDES, "SDES chunk " + c + " has no null item");
                int type = buf[at] & 0xff;
                if (type == 0) {
                    at = off + RtcpHeader.padded(at + 1 - off);
                    MalformedRtcp.require(at <= end, RtcpFailure.MALFORMED_SDES,
                            "SDES chunk " + c + "'s padding runs past the packet");
                    break;
                }
                MalformedRtcp.require(at + 2 <= end && at + 2 + (buf[at + 1] & 0xff) <= end,
                        RtcpFailure.MALFORMED_SDES, "SDES item of type " + type + " runs past the packet");
                int length = buf[at + 1] & 0xff;
                String text = Utf8.decode(buf, at + 2, length);
                MalformedRtcp.require(text != null, RtcpFailure.MALFORMED_SDES,
                        "SDES item of type " + type + " is not UTF-8");
                items.add(new SdesItem(type, text));
                at += 2 + length;
            }
            chunks.add(new SdesChunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }

    @Override
    public int size() {
        int bytes = RtcpHeader.LENGTH;
        for (SdesChunk chunk : chunks) {
            bytes += chunk.size();
        }
        return bytes;
    }

    @Override
    public void writeBody(byte[] buf, int off) {
        int size = size();
        RtcpHeader.write(buf, off, chunks.size(), RtcpHeader.SOURCE_DESCRIPTION, size);
        int at = off + RtcpHeader.LENGTH;
        for (SdesChunk chunk : chunks) {
            int chunkEnd = at + chunk.size();
            BigEndian.put32(buf, at, chunk.ssrc());
            at += 4;
            for (SdesItem item : chunk.items()) {
                byte[] text = item.encoded();
                buf[at] = (byte) item.type();
                buf[at + 1] = (byte) text.length;
                System.arraycopy(text, 0, buf, at + 2, text.length);
                at += 2 + text.length;
            }
            while (at < chunkEnd) {
                buf[at++] = 0; // the null item and padding
            }
        }
    }
}
