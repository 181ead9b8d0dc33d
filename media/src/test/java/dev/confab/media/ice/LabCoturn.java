package dev.confab.media.ice;

import dev.confab.media.turn.TurnCredentials;
import dev.confab.media.turn.TurnRestCredentials;
import dev.confab.testkit.Coturn;
import dev.confab.testkit.net.Host;
import java.time.Instant;
import java.util.List;

/**
 * testkit's {@link Coturn} on a lab host, with the options {@link IceAgentMain} reads: STUN and TURN over UDP with
 * shared-secret credentials. Stopped by {@link #close}, or with the test JVM.
 */
final class LabCoturn implements AutoCloseable {
    private final Coturn coturn;

    private LabCoturn(Coturn coturn) {
        this.coturn = coturn;
    }

    /** Starts coturn inside {@code host}'s namespace, listening and relaying on its address. */
    static LabCoturn start(Host host) {
        return new LabCoturn(Coturn.start(Coturn.Options.loopback()
                .inNamespace(List.of("ip", "netns", "exec", host.namespace()), host.address().getHostAddress())));
    }

    /** {@code ip:port} for STUN. */
    String address() {
        return coturn.address().getAddress().getHostAddress() + ":" + coturn.address().getPort();
    }

    /** The {@code turn=} option of {@link IceAgentMain} with fresh credentials for {@code userId}. */
    String turnOption(String userId) {
        TurnCredentials credentials = TurnRestCredentials.issue(coturn.secret(), userId, Instant.now().plusSeconds(600));
        return "turn=" + address() + "," + credentials.username() + "," + credentials.password();
    }

    @Override
    public void close() {
        coturn.close();
    }
}
