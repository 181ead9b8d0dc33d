package dev.confab.media.ice;

import dev.confab.media.sdp.CandidateType;

/**
 * Candidate and pair priorities (RFC 8445 sections 5.1.2 and 6.1.2.3). Stateless.
 */
public final class CandidatePriority {
    /** The only component: RTP and RTCP share one flow (rtcp-mux, BUNDLE). */
    public static final int COMPONENT = 1;

    private CandidatePriority() {
    }

    /** The recommended type preference: host 126, peer reflexive 110, server reflexive 100, relayed 0. */
    public static int typePreference(CandidateType type) {
        return switch (type) {
            case HOST -> 126;
            case PRFLX -> 110;
            case SRFLX -> 100;
            case RELAY -> 0;
        };
    }

    /**
     * {@code 2^24 * type preference + 2^8 * local preference + (256 - component)}.
     *
     * @param localPreference 0-65535: higher for the interface to prefer (IPv6 over IPv4, wired over wireless)
     */
    public static long of(CandidateType type, int localPreference) {
        if (localPreference < 0 || localPreference > 0xFFFF) {
            throw new IllegalArgumentException("local preference must be 0-65535");
        }
        return ((long) typePreference(type) << 24) + ((long) localPreference << 8) + (256 - COMPONENT);
    }

    /**
     * A pair's priority: {@code 2^32 * min(G, D) + 2 * max(G, D) + (G > D ? 1 : 0)}, where G is the controlling
     * agent's candidate priority and D the controlled agent's. With priorities below 2^31, as section 5.1.2.1
     * requires, the result fits in a signed long.
     */
    public static long pair(long controlling, long controlled) {
        return (Math.min(controlling, controlled) << 32) + 2 * Math.max(controlling, controlled)
                + (controlling > controlled ? 1 : 0);
    }
}
