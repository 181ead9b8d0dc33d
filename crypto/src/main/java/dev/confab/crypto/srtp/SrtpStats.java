package dev.confab.crypto.srtp;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Packets one SRTP session direction passed and dropped, by reason. The session's owning thread is the only writer
 * (plain increments published with release stores, so counting costs no lock or CAS); any thread may read, and sees
 * each counter's recent value. Thread-safe to read.
 */
public final class SrtpStats {
    private static final int RTP = 0;
    private static final int RTCP = 1;

    private final AtomicLongArray passed = new AtomicLongArray(2);
    private final AtomicLongArray failures = new AtomicLongArray(SrtpFailure.values().length);

    SrtpStats() {}

    /** RTP packets protected or unprotected. */
    public long rtpPackets() {
        return passed.get(RTP);
    }

    /** RTCP packets protected or unprotected. */
    public long rtcpPackets() {
        return passed.get(RTCP);
    }

    /** Packets dropped for {@code reason}. */
    public long failures(SrtpFailure reason) {
        return failures.get(reason.ordinal());
    }

    /** Packets dropped for any reason. */
    public long totalFailures() {
        long sum = 0;
        for (int i = 0; i < failures.length(); i++) {
            sum += failures.get(i);
        }
        return sum;
    }

    int rtpPassed(int length) {
        passed.setRelease(RTP, passed.getPlain(RTP) + 1);
        return length;
    }

    int rtcpPassed(int length) {
        passed.setRelease(RTCP, passed.getPlain(RTCP) + 1);
        return length;
    }

    /** Counts a drop and returns its status, so callers can {@code return stats.fail(status)}. */
    int fail(int status) {
        int i = SrtpFailure.of(status).ordinal();
        failures.setRelease(i, failures.getPlain(i) + 1);
        return status;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("SrtpStats[rtp=").append(rtpPackets()).append(", rtcp=")
                .append(rtcpPackets());
        for (SrtpFailure reason : SrtpFailure.values()) {
            long n = failures(reason);
            if (n > 0) {
                out.append(", ").append(reason).append('=').append(n);
            }
        }
        return out.append(']').toString();
    }
}
