package dev.confab.media.rtcp;

/**
 * PLI (RFC 4585 6.3.1, PSFB FMT 1): the receiver lost pictures and asks for a decoder refresh. No FCI. Immutable.
 *
 * @param senderSsrc the requester
 * @param mediaSsrc  the video source
 */
public record PictureLossIndication(int senderSsrc, int mediaSsrc) implements RtcpPacket {
    static final int FORMAT = 1;

    static PictureLossIndication parse(byte[] buf, int off, int end) throws MalformedRtcp {
        FeedbackHeader.requireFci(off, end, 0, 0, "PLI");
        return new PictureLossIndication(FeedbackHeader.senderSsrc(buf, off), FeedbackHeader.mediaSsrc(buf, off));
    }

    @Override
    public int size() {
        return FeedbackHeader.LENGTH;
    }

    @Override
    public void writeBody(byte[] buf, int off) {
        FeedbackHeader.write(buf, off, FORMAT, RtcpHeader.PSFB, size(), senderSsrc, mediaSsrc);
    }
}
