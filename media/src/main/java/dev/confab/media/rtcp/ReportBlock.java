package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;

/**
 * One reception report block of a sender or receiver report (RFC 3550 6.4.1): what this side saw of one source.
 * Immutable.
 *
 * @param ssrc                       the source reported on
 * @param fractionLost               lost since the previous report, in 1/256, 0-255
 * @param cumulativeLost             lost since the start (received duplicates can make it negative), 24-bit signed
 * @param extendedHighestSequence    cycles * 2^16 + highest sequence number received, 32-bit
 * @param jitter                     interarrival jitter in timestamp units, 32-bit
 * @param lastSenderReport           LSR: the middle 32 bits of the last SR's NTP timestamp from the source, or 0
 * @param delaySinceLastSenderReport DLSR: time since that SR arrived, in 1/65536 s, or 0
 */
public record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence, long jitter,
        long lastSenderReport, long delaySinceLastSenderReport) {
    static final int SIZE = 24;
    static final int MAX_CUMULATIVE_LOST = 0x7f_ffff;
    static final int MIN_CUMULATIVE_LOST = -0x80_0000;

    /** Checks each field's range. */
    public ReportBlock {
        if (fractionLost < 0 || fractionLost > 255 || cumulativeLost < MIN_CUMULATIVE_LOST
                || cumulativeLost > MAX_CUMULATIVE_LOST || !u32(extendedHighestSequence) || !u32(jitter)
                || !u32(lastSenderReport) || !u32(delaySinceLastSenderReport)) {
            throw new IllegalArgumentException("report block field out of range: " + fractionLost + "/"
                    + cumulativeLost + "/" + extendedHighestSequence + "/" + jitter + "/" + lastSenderReport + "/"
                    + delaySinceLastSenderReport);
        }
    }

    static ReportBlock read(byte[] buf, int at) {
        return new ReportBlock(BigEndian.i32(buf, at), buf[at + 4] & 0xff, BigEndian.u24(buf, at + 5) << 8 >> 8,
                BigEndian.u32(buf, at + 8), BigEndian.u32(buf, at + 12), BigEndian.u32(buf, at + 16),
                BigEndian.u32(buf, at + 20));
    }

    void write(byte[] buf, int at) {
        BigEndian.put32(buf, at, ssrc);
        buf[at + 4] = (byte) fractionLost;
        BigEndian.put24(buf, at + 5, cumulativeLost);
        BigEndian.put32(buf, at + 8, extendedHighestSequence);
        BigEndian.put32(buf, at + 12, jitter);
        BigEndian.put32(buf, at + 16, lastSenderReport);
        BigEndian.put32(buf, at + 20, delaySinceLastSenderReport);
    }

    static boolean u32(long value) {
        return value >= 0 && value <= 0xffff_ffffL;
    }
}
