package dev.confab.crypto.kdf;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), written on the JCE's HMAC. (The JDK 25 {@code KDF} API would do the same, but
 * the crypto module compiles to Java 21 bytecode so that Jazzer can instrument it; see the README's design notes.)
 *
 * <p>Stateless; safe to call from any thread (each call gets its own {@link Mac}, which is not thread-safe).
 */
public final class Hkdf {

    /** Length of a pseudorandom key from {@link #extract}: the SHA-256 output length. */
    public static final int PRK_LENGTH = 32;
    /** The most {@link #expand} can produce: 255 blocks of HMAC-SHA256 output (RFC 5869 section 2.3). */
    public static final int MAX_OUTPUT_LENGTH = 255 * PRK_LENGTH;

    private static final String HMAC = "HmacSHA256";

    private Hkdf() {
    }

    /**
     * HKDF-Extract: {@code PRK = HMAC-SHA256(salt, ikm)}.
     *
     * @param salt optional salt; empty or null means 32 zero bytes, as RFC 5869 section 2.2 says
     * @return the 32-byte pseudorandom key
     */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        Objects.requireNonNull(ikm, "ikm");
        byte[] key = salt == null || salt.length == 0 ? new byte[PRK_LENGTH] : salt;
        return mac(key).doFinal(ikm);
    }

    /**
     * HKDF-Expand: {@code length} bytes of output keying material from {@code prk} and {@code info}.
     *
     * @param prk a pseudorandom key of at least 32 bytes, usually from {@link #extract}
     * @throws IllegalArgumentException if {@code prk} is shorter than 32 bytes or {@code length} is not in
     *         1..{@value #MAX_OUTPUT_LENGTH}
     */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        Objects.requireNonNull(prk, "prk");
        if (prk.length < PRK_LENGTH) {
            throw new IllegalArgumentException("prk must be at least " + PRK_LENGTH + " bytes, got " + prk.length);
        }
        checkLength(length);
        Mac mac = mac(prk);
        byte[] context = info == null ? new byte[0] : info;
        byte[] output = new byte[length];
        byte[] block = new byte[0];
        for (int i = 1, written = 0; written < length; i++) {
            mac.update(block);
            mac.update(context);
            mac.update((byte) i);
            block = mac.doFinal();
            int take = Math.min(block.length, length - written);
            System.arraycopy(block, 0, output, written, take);
            written += take;
        }
        Arrays.fill(block, (byte) 0);
        return output;
    }

    /**
     * HKDF-Extract then HKDF-Expand.
     *
     * @throws IllegalArgumentException if {@code length} is not in 1..{@value #MAX_OUTPUT_LENGTH}
     */
    public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        checkLength(length);
        byte[] prk = extract(salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static void checkLength(int length) {
        if (length < 1 || length > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException("length must be in 1.." + MAX_OUTPUT_LENGTH + ", got " + length);
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's HMAC-SHA256 failed on a valid key", e);
        }
    }
}
