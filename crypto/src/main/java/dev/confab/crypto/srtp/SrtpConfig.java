package dev.confab.crypto.srtp;

/**
 * Limits of one SRTP session direction: how many packet indices back the replay window remembers, and how many
 * SSRCs get a context (each costs a few hundred bytes; packets of further SSRCs are dropped as
 * {@link SrtpFailure#SSRC_LIMIT}, so a flood of made-up SSRCs cannot grow memory). Immutable.
 *
 * @param replayWindow packets remembered per SSRC for replay checks, 64 to 32768 (RFC 3711 requires at least 64;
 *                     rounded up to a multiple of 64)
 * @param maxSsrcs     SSRC contexts per session for RTP, and again for RTCP, 1 to 4096
 */
public record SrtpConfig(int replayWindow, int maxSsrcs) {
    /** Largest replay window accepted. */
    public static final int MAX_REPLAY_WINDOW = 32768;
    /** Largest SSRC limit accepted. */
    public static final int MAX_SSRCS = 4096;
    /** A 128-packet window (libsrtp's default) and 64 SSRCs. */
    public static final SrtpConfig DEFAULT = new SrtpConfig(128, 64);

    public SrtpConfig {
        if (replayWindow < 64 || replayWindow > MAX_REPLAY_WINDOW) {
            throw new IllegalArgumentException("replay window must be 64.." + MAX_REPLAY_WINDOW + ": " + replayWindow);
        }
        if (maxSsrcs < 1 || maxSsrcs > MAX_SSRCS) {
            throw new IllegalArgumentException("SSRC limit must be 1.." + MAX_SSRCS + ": " + maxSsrcs);
        }
    }

    /** This configuration with another replay window. */
    public SrtpConfig withReplayWindow(int packets) {
        return new SrtpConfig(packets, maxSsrcs);
    }

    /** This configuration with another SSRC limit. */
    public SrtpConfig withMaxSsrcs(int count) {
        return new SrtpConfig(replayWindow, count);
    }
}
