package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;
import java.util.ArrayList;
import java.util.List;

/**
 * FIR (RFC 5104 4.3.1, PSFB FMT 4): asks sources for a key frame. The media SSRC field is 0; the sources are in the
 * entries. Immutable.
 *
 * @param senderSsrc the requester
 * @param entries    at least one
 */
public record FullIntraRequest(int senderSsrc, List<FirEntry> entries) implements RtcpPacket {
    static final int FORMAT = 4;
    private static final int ENTRY = 8;
    /** As many as the 16-bit length field can cover. */
    private static final int MAX_ENTRIES = 32_766;

    /** Copies the list and checks it is not empty. */
    public FullIntraRequest {
        entries = List.copyOf(entries);
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a FIR names 1-" + MAX_ENTRIES + " entries, not " + entries.size());
        }
    }

    static FullIntraRequest parse(byte[] buf, int off, int end) throws MalformedRtcp {
        FeedbackHeader.requireFci(off, end, ENTRY, ENTRY, "FIR");
        List<FirEntry> entries = new ArrayList<>((end - off - FeedbackHeader.LENGTH) / ENTRY);
        for (int at = off + FeedbackHeader.LENGTH; at < end; at += ENTRY) {
            entries.add(new FirEntry(BigEndian.i32(buf, at), buf[at + 4] & 0xff));
        }
        return new FullIntraRequest(FeedbackHeader.senderSsrc(buf, off), entries);
    }

    @Override
    public int size() {
        return FeedbackHeader.LENGTH + ENTRY * entries.size();
    }

    @Override
    public void writeBody(byte[] buf, int off) {
        FeedbackHeader.write(buf, off, FORMAT, RtcpHeader.PSFB, size(), senderSsrc, 0);
        int at = off + FeedbackHeader.LENGTH;
        for (FirEntry entry : entries) {
            BigEndian.put32(buf, at, entry.ssrc());
            BigEndian.put32(buf, at + 4, (long) entry.sequenceNumber() << 24);
            at += ENTRY;
        }
    }
}
