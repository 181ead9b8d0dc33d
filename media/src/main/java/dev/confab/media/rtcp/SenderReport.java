package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;
import java.util.List;

/**
 * SR (RFC 3550 6.4.1): what a sender sent, with the wallclock/RTP time pair receivers use for RTT and lip sync, and
 * its own reception reports. A profile-specific extension after the blocks is ignored when read. Immutable.
 *
 * @param ssrc         the sender
 * @param ntpTimestamp 64-bit NTP time of sending (see {@link NtpTime})
 * @param rtpTimestamp the same instant on the RTP clock, 32-bit
 * @param packetCount  RTP packets sent so far, 32-bit (wraps)
 * @param octetCount   payload octets sent so far, 32-bit (wraps)
 * @param reports      at most 31 reception reports
 */
public record SenderReport(int ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
        List<ReportBlock> reports) implements RtcpPacket {
    private static final int FIXED = RtcpHeader.LENGTH + 24;

    /** Checks the 32-bit fields and the block count. */
    public SenderReport {
        if (!ReportBlock.u32(rtpTimestamp) || !ReportBlock.u32(packetCount) || !ReportBlock.u32(octetCount)) {
            throw new IllegalArgumentException("sender report counters are 32-bit");
        }
        reports = ReportBlocks.checked(reports);
    }

    static SenderReport parse(byte[] buf, int off, int end, int count) throws MalformedRtcp {
        MalformedRtcp.require(end - off >= FIXED + count * ReportBlock.SIZE, RtcpFailure.REPORT_OVERRUN,
                "SR of " + (end - off) + " bytes cannot hold " + count + " report blocks");
        return new SenderReport(BigEndian.i32(buf, off + 4), BigEndian.i64(buf, off + 8), BigEndian.u32(buf, off + 16),
                BigEndian.u32(buf, off + 20), BigEndian.u32(buf, off + 24), ReportBlocks.read(buf, off + FIXED, count));
    }

    @Override
    public int size() {
        return FIXED + reports.size() * ReportBlock.SIZE;
    }

    @Override
    public void writeBody(byte[] buf, int off) {
        RtcpHeader.write(buf, off, reports.size(), RtcpHeader.SENDER_REPORT, size());
        BigEndian.put32(buf, off + 4, ssrc);
        BigEndian.put64(buf, off + 8, ntpTimestamp);
        BigEndian.put32(buf, off + 16, rtpTimestamp);
        BigEndian.put32(buf, off + 20, packetCount);
        BigEndian.put32(buf, off + 24, octetCount);
        ReportBlocks.write(reports, buf, off + FIXED);
    }
}
