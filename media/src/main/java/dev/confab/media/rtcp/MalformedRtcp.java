package dev.confab.media.rtcp;

/**
 * Thrown by the per-type parsers and caught by {@link RtcpCompound#parse}, which turns it into
 * {@link RtcpParse.Failed}: it never leaves the package. No stack trace, so a flood of bad packets costs little.
 */
final class MalformedRtcp extends Exception {
    private final RtcpFailure reason;

    MalformedRtcp(RtcpFailure reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RtcpFailure reason() {
        return reason;
    }

    /** Throws {@code reason} unless {@code condition} holds. */
    static void require(boolean condition, RtcpFailure reason, String detail) throws MalformedRtcp {
        if (!condition) {
            throw new MalformedRtcp(reason, detail);
        }
    }
}
