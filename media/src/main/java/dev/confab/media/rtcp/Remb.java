package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;
import java.util.ArrayList;
import java.util.List;

/**
 * REMB (draft-alvestrand-rmcat-remb-03, PSFB FMT 15 with "REMB"): the receiver's estimate of the total bitrate the
 * listed sources may use. On the wire the bitrate is an 18-bit mantissa times 2^6-bit exponent, so a written value
 * keeps its top 18 bits. Immutable.
 *
 * @param senderSsrc the estimator
 * @param bitrate    bits per second, non-negative (Long.MAX_VALUE stands for "more than a long holds")
 * @param ssrcs      the sources the estimate applies to, at most 255
 */
public record Remb(int senderSsrc, long bitrate, List<Integer> ssrcs) implements RtcpPacket {
    static final int FORMAT = 15;
    private static final int IDENTIFIER = 'R' << 24 | 'E' << 16 | 'M' << 8 | 'B';
    private static final int MANTISSA_BITS = 18;

    /** Copies the list and checks the ranges. */
    public Remb {
        ssrcs = List.copyOf(ssrcs);
        if (bitrate < 0 || ssrcs.size() > 255) {
            throw new IllegalArgumentException("a REMB has a non-negative bitrate and at most 255 sources");
        }
    }

    /** Whether the application-layer feedback at {@code buf[off, end)} (PSFB FMT 15) is a REMB. */
    static boolean isRemb(byte[] buf, int off, int end) {
        return end - off >= FeedbackHeader.LENGTH + 4 && BigEndian.i32(buf, off + FeedbackHeader.LENGTH) == IDENTIFIER;
    }

    static Remb parse(byte[] buf, int off, int end) throws MalformedRtcp {
        int at = off + FeedbackHeader.LENGTH + 4;
        MalformedRtcp.require(at + 4 <= end && at + 4 + 4 * (buf[at] & 0xff) <= end, RtcpFailure.MALFORMED_FEEDBACK,
                "REMB shorter than its bitrate and sources");
        int count = buf[at] & 0xff;
        int exponent = (buf[at + 1] & 0xff) >>> 2;
        long mantissa = BigEndian.u24(buf, at + 1) & ((1 << MANTISSA_BITS) - 1);
        long bitrate = mantissa != 0 && exponent >= Long.numberOfLeadingZeros(mantissa) ? Long.MAX_VALUE
                : mantissa << exponent;
        List<Integer> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(BigEndian.i32(buf, at + 4 + 4 * i));
        }
        return new Remb(FeedbackHeader.senderSsrc(buf, off), bitrate, ssrcs);
    }

    @Override
    public int size() {
        return FeedbackHeader.LENGTH + 8 + 4 * ssrcs.size();
    }

    @Override
    public void writeBody(byte[] buf, int off) {
        FeedbackHeader.write(buf, off, FORMAT, RtcpHeader.PSFB, size(), senderSsrc, 0);
        int at = off + FeedbackHeader.LENGTH;
        BigEndian.put32(buf, at, IDENTIFIER);
        int exponent = Math.max(0, 64 - Long.numberOfLeadingZeros(bitrate) - MANTISSA_BITS);
        buf[at + 4] = (byte) ssrcs.size();
        BigEndian.put24(buf, at + 5, exponent << MANTISSA_BITS | (int) (bitrate >>> exponent));
        for (int i = 0; i < ssrcs.size(); i++) {
            BigEndian.put32(buf, at + 8 + 4 * i, ssrcs.get(i));
        }
    }
}
