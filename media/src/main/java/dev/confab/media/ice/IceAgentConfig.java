package dev.confab.media.ice;

import dev.confab.media.stun.RetransmissionPolicy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of an {@link IceAgent}. Immutable.
 *
 * @param includeLoopback     gather host candidates on loopback interfaces too (tests and one-machine calls)
 * @param stunServers         STUN servers for server-reflexive candidates
 * @param turnServers         TURN servers for relayed candidates
 * @param relayOnly           report and use only relayed candidates (hides this side's addresses from the peer)
 * @param pacing              Ta: the gap between two ordinary checks (RFC 8445 section 14.2)
 * @param checkRetransmission timers of one connectivity check
 * @param nominationDelay     how long the controlling agent waits after the first valid pair for a better one
 *                            before it nominates the best it has
 * @param consentInterval     mean gap between consent checks on the selected pair (RFC 7675), randomized by
 *                            ±20%; 1 s rather than 5 s so that a dead path is noticed in time for a restart
 * @param disconnectAfter     without a consent response for this long, the state becomes DISCONNECTED
 * @param consentExpiry       without a consent response for this long, consent is lost: FAILED, nothing sent
 * @param failAfter           with checks running and no valid pair for this long, the state becomes FAILED
 * @param maxPairs            the checklist's limit
 */
public record IceAgentConfig(boolean includeLoopback, List<InetSocketAddress> stunServers,
        List<TurnServer> turnServers, boolean relayOnly, Duration pacing,
        RetransmissionPolicy checkRetransmission, Duration nominationDelay, Duration consentInterval,
        Duration disconnectAfter, Duration consentExpiry, Duration failAfter, int maxPairs) {

    public IceAgentConfig {
        stunServers = List.copyOf(stunServers);
        turnServers = List.copyOf(turnServers);
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(checkRetransmission, "checkRetransmission");
        Objects.requireNonNull(nominationDelay, "nominationDelay");
        Objects.requireNonNull(consentInterval, "consentInterval");
        Objects.requireNonNull(disconnectAfter, "disconnectAfter");
        Objects.requireNonNull(consentExpiry, "consentExpiry");
        Objects.requireNonNull(failAfter, "failAfter");
        if (pacing.isNegative() || pacing.isZero() || maxPairs < 1 || consentExpiry.compareTo(disconnectAfter) < 0) {
            throw new IllegalArgumentException("need positive pacing, maxPairs >= 1, consentExpiry >= disconnectAfter");
        }
    }

    /**
     * Confab's defaults: no loopback, no STUN or TURN server, all candidate types, Ta 20 ms, checks retransmitted after 200 ms doubling (6
     * sends, 7.8 s in all), nomination within 300 ms of the first valid pair, consent every second, DISCONNECTED
     * after 2.5 s and consent lost after 30 s of silence, FAILED after 30 s without a valid pair, 100 pairs.
     */
    public static IceAgentConfig defaults() {
        return new IceAgentConfig(false, List.of(), List.of(), false, Duration.ofMillis(20),
                new RetransmissionPolicy(Duration.ofMillis(200), 6, 8), Duration.ofMillis(300), Duration.ofSeconds(1),
                Duration.ofMillis(2500), Duration.ofSeconds(30), Duration.ofSeconds(30), Checklist.DEFAULT_MAX_PAIRS);
    }

    /** These settings with loopback candidates on or off. */
    public IceAgentConfig withLoopback(boolean include) {
        return new IceAgentConfig(include, stunServers, turnServers, relayOnly, pacing, checkRetransmission,
                nominationDelay, consentInterval, disconnectAfter, consentExpiry, failAfter, maxPairs);
    }

    /** These settings with these STUN servers. */
    public IceAgentConfig withStunServers(List<InetSocketAddress> servers) {
        return new IceAgentConfig(includeLoopback, servers, turnServers, relayOnly, pacing, checkRetransmission,
                nominationDelay, consentInterval, disconnectAfter, consentExpiry, failAfter, maxPairs);
    }

    /** These settings with other consent timers. */
    public IceAgentConfig withConsentTimers(Duration interval, Duration disconnect, Duration expiry) {
        return new IceAgentConfig(includeLoopback, stunServers, turnServers, relayOnly, pacing, checkRetransmission,
                nominationDelay, interval, disconnect, expiry, failAfter, maxPairs);
    }

    /** These settings with these TURN servers. */
    public IceAgentConfig withTurnServers(List<TurnServer> servers) {
        return new IceAgentConfig(includeLoopback, stunServers, servers, relayOnly, pacing, checkRetransmission,
                nominationDelay, consentInterval, disconnectAfter, consentExpiry, failAfter, maxPairs);
    }

    /** These settings with only relayed candidates, or all. */
    public IceAgentConfig withRelayOnly(boolean only) {
        return new IceAgentConfig(includeLoopback, stunServers, turnServers, only, pacing, checkRetransmission,
                nominationDelay, consentInterval, disconnectAfter, consentExpiry, failAfter, maxPairs);
    }
}
