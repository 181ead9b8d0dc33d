package dev.confab.media.rtcp;

/**
 * What a receiver knows of one RTP source, kept as RFC 3550 Appendix A does: the extended highest sequence number
 * with restart detection (A.1; the source is taken as valid at its first packet, as SRTP has authenticated it),
 * loss since the start and per report interval (A.3), interarrival jitter (A.8), and the last SR for LSR/DLSR.
 * Times are the caller's monotonic nanoseconds, so tests drive it without a clock. Allocates only the report blocks.
 *
 * <p>Thread contract: one thread at a time (the stream's receive queue).
 */
public final class ReceiverStatistics {
    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int ssrc;
    private final int clockRate;
    private boolean started;
    private int maxSeq;
    private long cycles;
    private long baseSeq;
    private int badSeq = SEQ_MOD + 1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private boolean hasTransit;
    private int transit;
    private long jitterTimes16;
    private long lastSenderReport;
    private long lastSenderReportArrival;

    /** Statistics of source {@code ssrc}, whose RTP clock runs at {@code clockRate} Hz. */
    public ReceiverStatistics(int ssrc, int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, not " + clockRate);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /** The source these statistics are about. */
    public int ssrc() {
        return ssrc;
    }

    /** Counts a packet with {@code sequence} and {@code rtpTimestamp} that arrived at {@code arrivalNanos}. */
    public void onPacket(int sequence, long rtpTimestamp, long arrivalNanos) {
        int seq = sequence & 0xffff;
        if (!started) {
            started = true;
            restart(seq);
        } else {
            int delta = (seq - maxSeq) & 0xffff;
            if (delta < MAX_DROPOUT) {
                if (seq < maxSeq) {
                    cycles += SEQ_MOD;
                }
                maxSeq = seq;
            } else if (delta <= SEQ_MOD - MAX_MISORDER) {
                if (seq != badSeq) {
                    badSeq = (seq + 1) & 0xffff; // a large jump: believe it when the next packet follows it
                    return;
                }
                restart(seq);
            }
        }
        received++;
        updateJitter(rtpTimestamp, arrivalNanos);
    }

    /** Remembers an SR from this source that arrived at {@code arrivalNanos}, for the next report's LSR and DLSR. */
    public void onSenderReport(long ntpTimestamp, long arrivalNanos) {
        lastSenderReport = NtpTime.compact(ntpTimestamp);
        lastSenderReportArrival = arrivalNanos;
    }

    /** cycles * 2^16 + the highest sequence number received. */
    public long extendedHighestSequence() {
        return cycles + maxSeq;
    }

    /** Packets expected less packets received since the start (duplicates can make it negative). */
    public long cumulativeLost() {
        return expected() - received;
    }

    /** Interarrival jitter in RTP timestamp units. */
    public long jitter() {
        return jitterTimes16 >> 4;
    }

    public long packetsReceived() {
        return received;
    }

    /**
     * The report block to send at {@code nowNanos}; starts the next interval for the fraction lost. Null before the
     * first packet.
     */
    public ReportBlock reportBlock(long nowNanos) {
        if (!started) {
            return null;
        }
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0
                : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
        int lost = (int) Math.clamp(cumulativeLost(), ReportBlock.MIN_CUMULATIVE_LOST, ReportBlock.MAX_CUMULATIVE_LOST);
        long dlsr = lastSenderReport == 0 ? 0
                : Math.min(0xffff_ffffL, NtpTime.nanosToCompact(Math.max(0, nowNanos - lastSenderReportArrival)));
        return new ReportBlock(ssrc, fraction, lost, extendedHighestSequence() & 0xffff_ffffL,
                Math.min(jitter(), 0xffff_ffffL), lastSenderReport, dlsr);
    }

    private long expected() {
        return extendedHighestSequence() - baseSeq + 1;
    }

    private void restart(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    /** RFC 3550 A.8: J += (|D| - J) / 16, kept times 16 to avoid rounding. */
    private void updateJitter(long rtpTimestamp, long arrivalNanos) {
        long arrival = Math.floorDiv(arrivalNanos, NANOS_PER_SECOND) * clockRate
                + Math.floorMod(arrivalNanos, NANOS_PER_SECOND) * clockRate / NANOS_PER_SECOND;
        int now = (int) (arrival - rtpTimestamp);
        if (hasTransit) {
            long d = Math.abs((long) (now - transit)); // int arithmetic: transit times wrap with the timestamp
            jitterTimes16 += d - ((jitterTimes16 + 8) >> 4);
        }
        hasTransit = true;
        transit = now;
    }
}
