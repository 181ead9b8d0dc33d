package dev.confab.media.rtcp;

/**
 * The round-trip time a report block tells its sender (RFC 3550 6.4.1, figure 2): the block arrived at A, the SR it
 * answers left at LSR and waited DLSR at the reporter, so RTT = A - LSR - DLSR in compact NTP units. Stateless.
 */
public final class RoundTripTime {
    /** No round trip: the reporter has not received an SR from us yet (LSR 0). */
    public static final long UNKNOWN = -1;

    private RoundTripTime() {}

    /**
     * The RTT in nanoseconds given the report block and the 64-bit NTP time it arrived at, by the same clock that
     * stamped our SRs; {@link #UNKNOWN} if LSR is 0, and 0 if clock steps make it negative.
     */
    public static long nanos(ReportBlock block, long arrivalNtp) {
        if (block.lastSenderReport() == 0) {
            return UNKNOWN;
        }
        int compact = (int) (NtpTime.compact(arrivalNtp) - block.lastSenderReport()
                - block.delaySinceLastSenderReport());
        return compact < 0 ? 0 : NtpTime.compactToNanos(compact);
    }
}
