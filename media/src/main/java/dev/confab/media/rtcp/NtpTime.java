package dev.confab.media.rtcp;

import java.time.Instant;

/**
 * NTP timestamps as RTCP carries them (RFC 3550 4): 64-bit, seconds since 1900 in the high half and the fraction
 * in the low; and the "compact" middle 32 bits (16.16 seconds) of LSR, DLSR and RTT. Stateless.
 */
public final class NtpTime {
    /** Seconds from 1900-01-01 to the Unix epoch. */
    static final long UNIX_EPOCH_SECONDS = 2_208_988_800L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private NtpTime() {}

    /** The 64-bit NTP timestamp of {@code instant} (wraps in 2036, as NTP does). */
    public static long of(Instant instant) {
        long seconds = instant.getEpochSecond() + UNIX_EPOCH_SECONDS;
        long fraction = ((long) instant.getNano() << 32) / NANOS_PER_SECOND;
        return seconds << 32 | fraction;
    }

    /** The middle 32 bits of a 64-bit NTP timestamp: what LSR holds. */
    public static long compact(long ntp) {
        return ntp >>> 16 & 0xffff_ffffL;
    }

    /** A duration in nanoseconds (non-negative, under 2^16 s) in compact units of 1/65536 s, truncated. */
    public static long nanosToCompact(long nanos) {
        return (nanos / NANOS_PER_SECOND << 16) + ((nanos % NANOS_PER_SECOND) << 16) / NANOS_PER_SECOND;
    }

    /** A compact duration (unsigned 32 bits) in nanoseconds. */
    public static long compactToNanos(long compact) {
        return ((compact & 0xffff_ffffL) * NANOS_PER_SECOND) >>> 16;
    }
}
