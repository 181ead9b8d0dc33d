package dev.confab.crypto.kdf;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.KDF;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), through the JDK's {@code KDF} API (JEP 510).
 *
 * <p>Stateless; safe to call from any thread (each call gets its own {@link KDF}, which is not thread-safe).
 */
public final class Hkdf {

    /** Length of a pseudorandom key from {@link #extract}: the SHA-256 output length. */
    public static final int PRK_LENGTH = 32;
    /** The most {@link #expand} can produce: 255 blocks of HMAC-SHA256 output (RFC 5869 section 2.3). */
    public static final int MAX_OUTPUT_LENGTH = 255 * PRK_LENGTH;

    private static final String ALGORITHM = "HKDF-SHA256";

    private Hkdf() {
    }

    /**
     * HKDF-Extract: {@code PRK = HMAC-SHA256(salt, ikm)}.
     *
     * @param salt optional salt; empty means 32 zero bytes, as RFC 5869 section 2.2 says
     * @return the 32-byte pseudorandom key
     */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        return run(HKDFParameterSpec.ofExtract().addSalt(salt).addIKM(ikm).extractOnly());
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
        return run(HKDFParameterSpec.expandOnly(new SecretKeySpec(prk, "HmacSHA256"), info, length));
    }

    /**
     * HKDF-Extract then HKDF-Expand.
     *
     * @throws IllegalArgumentException if {@code length} is not in 1..{@value #MAX_OUTPUT_LENGTH}
     */
    public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        checkLength(length);
        return run(HKDFParameterSpec.ofExtract().addSalt(salt).addIKM(ikm).thenExpand(info, length));
    }

    private static void checkLength(int length) {
        if (length < 1 || length > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException("length must be in 1.." + MAX_OUTPUT_LENGTH + ", got " + length);
        }
    }

    private static byte[] run(HKDFParameterSpec spec) {
        try {
            return KDF.getInstance(ALGORITHM).deriveData(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's HKDF-SHA256 failed on valid parameters", e);
        }
    }
}
