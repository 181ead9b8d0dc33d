package dev.confab.media.turn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials in coturn's shared-secret scheme ({@code --use-auth-secret}, the "TURN REST API"
 * draft): the username is {@code <expiry in Unix seconds>:<user id>} and the password is
 * base64(HMAC-SHA1(secret, username)). coturn refuses them after the expiry. Stateless.
 */
public final class TurnRestCredentials {
    private TurnRestCredentials() {}

    /**
     * Credentials for {@code userId} valid until {@code expiry}, under the server's {@code static-auth-secret}.
     *
     * @throws IllegalArgumentException if the user id contains a colon or the secret is empty
     */
    public static TurnCredentials issue(String secret, String userId, Instant expiry) {
        if (userId.contains(":") || secret.isEmpty()) {
            throw new IllegalArgumentException("the user id cannot contain ':' and the secret cannot be empty");
        }
        String username = expiry.getEpochSecond() + ":" + userId;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
            return new TurnCredentials(username, Base64.getEncoder().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is in every JDK", e);
        }
    }
}
