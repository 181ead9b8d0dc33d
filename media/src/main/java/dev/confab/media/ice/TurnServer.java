package dev.confab.media.ice;

import dev.confab.media.turn.TurnCredentials;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A TURN server over UDP and the credentials for it, as Confab's server hands them out (time-limited, coturn's
 * shared-secret scheme). Immutable.
 */
public record TurnServer(InetSocketAddress address, TurnCredentials credentials) {
    public TurnServer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(credentials, "credentials");
    }
}
