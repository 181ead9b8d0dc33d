package dev.confab.media.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The key of MESSAGE-INTEGRITY (RFC 8489 section 9): for short-term credentials (ICE) the password itself, for
 * long-term credentials (TURN) MD5(username ":" realm ":" password). Passwords and realms are used as their UTF-8
 * bytes without the OpaqueString preparation of RFC 8265, which changes only text outside ASCII. {@link #algorithm()}
 * says which attribute {@link StunMessage#encode(IntegrityKey, boolean)} adds. Immutable; never prints the key.
 */
public final class IntegrityKey {
    /** Which integrity attribute a key signs with. */
    public enum Algorithm {
        /** MESSAGE-INTEGRITY, HMAC-SHA1: what every ICE agent and TURN server speaks. */
        HMAC_SHA1,
        /** MESSAGE-INTEGRITY-SHA256 (RFC 8489 section 14.6). */
        HMAC_SHA256
    }

    private final byte[] key;
    private final Algorithm algorithm;

    private IntegrityKey(byte[] key, Algorithm algorithm) {
        if (key.length == 0) {
            throw new IllegalArgumentException("an integrity key cannot be empty");
        }
        this.key = key;
        this.algorithm = algorithm;
    }

    /** The short-term key: the password's UTF-8 bytes (RFC 8489 section 9.1.1), signing with HMAC-SHA1. */
    public static IntegrityKey shortTerm(String password) {
        return new IntegrityKey(password.getBytes(StandardCharsets.UTF_8), Algorithm.HMAC_SHA1);
    }

    /** The long-term key: MD5(username ":" realm ":" password) (RFC 8489 section 9.2.2), signing with HMAC-SHA1. */
    public static IntegrityKey longTerm(String username, String realm, String password) {
        try {
            byte[] input = (username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8);
            return new IntegrityKey(MessageDigest.getInstance("MD5").digest(input), Algorithm.HMAC_SHA1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** The same key bytes, signing with {@code algorithm}. */
    public IntegrityKey signingWith(Algorithm algorithm) {
        return new IntegrityKey(key, algorithm);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** The HMAC key itself (a copy). */
    byte[] bytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "IntegrityKey[" + algorithm + ", " + key.length + " bytes]";
    }
}
