package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;
import java.util.List;

/**
 * RR (RFC 3550 6.4.2): reception reports from a participant that sent no RTP since the last report. A
 * profile-specific extension after the blocks is ignored when read. Immutable.
 *
 * @param ssrc    the reporter
 * @param reports at most 31 reception reports
 */
public record ReceiverReport(int ssrc, List<ReportBlock> reports) implements RtcpPacket {
    private static final int FIXED = RtcpHeader.LENGTH + 4;

    /** Checks the block count. */
    public ReceiverReport {
        reports = ReportBlocks.checked(reports);
    }

    static ReceiverReport parse(byte[] buf, int off, int end, int count) throws MalformedRtcp {
        MalformedRtcp.require(end - off >= FIXED + count * ReportBlock.SIZE, RtcpFailure.REPORT_OVERRUN,
                "RR of " + (end - off) + " bytes cannot hold " + count + " report blocks");
        return new ReceiverReport(BigEndian.i32(buf, off + 4), ReportBlocks.read(buf, off + FIXED, count));
    }

    @Override
    public int size() {
        return FIXED + reports.size() * ReportBlock.SIZE;
    }

    @Override
    public void writeBody(byte[] buf, int off) {
        RtcpHeader.write(buf, off, reports.size(), RtcpHeader.RECEIVER_REPORT, size());
        BigEndian.put32(buf, off + 4, ssrc);
        ReportBlocks.write(reports, buf, off + FIXED);
    }
}
