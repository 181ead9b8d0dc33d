package dev.confab.server.turn;

import dev.confab.protocol.rest.IceServer;
import dev.confab.protocol.rest.TurnCredentials;
import dev.confab.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ICE servers for a user: the STUN URLs as they are, and the TURN URLs with coturn's time-limited credentials
 * ({@code use-auth-secret}): username {@code <unix expiry seconds>:<userId>}, credential
 * {@code base64(HMAC-SHA1(secret, username))}. Without TURN configured only STUN is offered (or nothing).
 * Immutable and thread-safe.
 */
public final class TurnCredentialService {
    private final ServerConfig.Turn config;
    private final Clock clock;

    public TurnCredentialService(ServerConfig.Turn config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public TurnCredentials credentialsFor(String userId) {
        List<IceServer> servers = new ArrayList<>();
        if (!config.stunUrls().isEmpty()) {
            servers.add(new IceServer(config.stunUrls(), null, null));
        }
        long ttl = config.ttl().toSeconds();
        if (!config.turnUrls().isEmpty() && !config.secret().isEmpty()) {
            String username = (clock.millis() / 1000 + ttl) + ":" + userId;
            servers.add(new IceServer(config.turnUrls(), username, credential(config.secret(), username)));
        }
        return new TurnCredentials(servers, servers.isEmpty() ? 0 : ttl);
    }

    /** coturn's credential for {@code username}: base64 of HMAC-SHA1 keyed with the shared secret. */
    public static String credential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA1", e);
        }
    }
}
