package dev.confab.media.ice;

import dev.confab.media.stun.StunClientTransactions;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Where a local candidate's checks and media leave from: a host socket ({@link Base}), or a TURN allocation reached
 * through one ({@link Relay}). Server-reflexive candidates send through their base.
 *
 * <p>Thread contract: implementations are thread-safe.
 */
sealed interface Route permits Base, Relay {

    /** The candidate this route sends for: the host or the relayed candidate. */
    LocalCandidate candidate();

    /** The local preference of its base, for the PRIORITY of checks. */
    int localPreference();

    /** The STUN client transactions of checks sent on this route. */
    StunClientTransactions transactions();

    /** Sends one datagram to a peer; best effort, like UDP. */
    void send(byte[] buf, int off, int len, InetSocketAddress destination) throws IOException;

    /** Whether this route goes through a TURN relay. */
    default boolean relayed() {
        return this instanceof Relay;
    }
}
