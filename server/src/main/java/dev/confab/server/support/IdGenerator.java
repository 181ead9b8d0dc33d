package dev.confab.server.support;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes server-side ids and secrets from an injected {@link SecureRandom}: ids are a short prefix naming the kind
 * ({@code u_} user, {@code d_} device, {@code s_} session, {@code r_} request) and 16 random bytes in base64url,
 * which fits the protocol's id alphabet. Thread-safe (SecureRandom is).
 */
public final class IdGenerator {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random;

    public IdGenerator(SecureRandom random) {
        this.random = random;
    }

    /** A new id such as {@code u_3q2-7wEj...}. */
    public String next(String prefix) {
        return prefix + "_" + BASE64URL.encodeToString(bytes(16));
    }

    /** {@code n} random bytes. */
    public byte[] bytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    /** {@code n} random bytes as base64url without padding (bearer tokens). */
    public String token(int n) {
        return BASE64URL.encodeToString(bytes(n));
    }
}
