package dev.confab.crypto.identity;

import dev.confab.crypto.CryptoException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.KeyAgreement;

/**
 * An X25519 key pair (RFC 7748) for key agreement: a device's long-term agreement key, or the ephemeral key
 * of one sealed message.
 *
 * <p>All arithmetic is the JDK's {@code X25519} provider. The public key is computed as X25519(k, 9), the
 * scalar multiplication of the base point, through the same {@link KeyAgreement}.
 *
 * <p>Immutable and safe to share between threads: each agreement uses its own {@link KeyAgreement} instance.
 */
public final class AgreementKeyPair {

    /** Length of the private scalar and of the public u-coordinate. */
    public static final int KEY_LENGTH = 32;

    private static final String ALGORITHM = "X25519";
    /** DER header of an X25519 SubjectPublicKeyInfo (RFC 8410 section 4); the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");
    /** The base point, u = 9, little-endian (RFC 7748 section 4.1). */
    private static final byte[] BASE_POINT = Arrays.copyOf(new byte[] {9}, KEY_LENGTH);

    private final byte[] privateKey;
    private final byte[] publicKey;
    private final PrivateKey jcaPrivateKey;

    private AgreementKeyPair(byte[] privateKey, PrivateKey jcaPrivateKey) {
        this.privateKey = privateKey;
        this.jcaPrivateKey = jcaPrivateKey;
        this.publicKey = agree(BASE_POINT);
    }

    /** Makes a new key pair from 32 bytes of {@code random} (RFC 7748 section 6.1: any 32 bytes are a key). */
    public static AgreementKeyPair generate(SecureRandom random) {
        byte[] scalar = new byte[KEY_LENGTH];
        random.nextBytes(scalar);
        try {
            return fromPrivateKeyBytes(scalar);
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /**
     * Restores a key pair from its private key, as returned by {@link #privateKeyBytes()}.
     *
     * @param scalar32 the 32-byte private scalar, unclamped (X25519 clamps it on use); copied
     * @throws IllegalArgumentException if it is not 32 bytes
     */
    public static AgreementKeyPair fromPrivateKeyBytes(byte[] scalar32) {
        Objects.requireNonNull(scalar32, "scalar32");
        if (scalar32.length != KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "X25519 private key must be " + KEY_LENGTH + " bytes, got " + scalar32.length);
        }
        byte[] scalar = scalar32.clone();
        try {
            PrivateKey jcaKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
            return new AgreementKeyPair(scalar, jcaKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused an X25519 private key", e);
        }
    }

    /** The 32-byte private scalar, for the client's encrypted local store. A copy: wipe it after use. */
    public byte[] privateKeyBytes() {
        return privateKey.clone();
    }

    /** The 32-byte public key: the RFC 7748 little-endian u-coordinate. A copy. */
    public byte[] publicKeyBytes() {
        return publicKey.clone();
    }

    /**
     * Computes X25519(private key, {@code peerPublic32}). The most significant bit of the peer's key is ignored
     * and a non-canonical u-coordinate is reduced, as RFC 7748 section 5 requires.
     *
     * @return the 32-byte shared secret; use it only through a KDF
     * @throws CryptoException if the peer key is not 32 bytes, or is a low-order point that makes the
     *         shared secret all zeros (RFC 7748 section 6.1)
     */
    public byte[] agree(byte[] peerPublic32) {
        Objects.requireNonNull(peerPublic32, "peerPublic32");
        if (peerPublic32.length != KEY_LENGTH) {
            throw new CryptoException("X25519 public key must be " + KEY_LENGTH + " bytes, got " + peerPublic32.length);
        }
        try {
            KeyAgreement agreement = KeyAgreement.getInstance(ALGORITHM);
            agreement.init(jcaPrivateKey);
            agreement.doPhase(jcaPublicKey(peerPublic32), true);
            return agreement.generateSecret();
        } catch (InvalidKeySpecException | InvalidKeyException e) {
            // The JDK rejects an all-zero shared secret in doPhase with "Point has small order".
            throw new CryptoException("X25519 public key is a low-order point");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no X25519 provider", e);
        }
    }

    private static PublicKey jcaPublicKey(byte[] raw) throws GeneralSecurityException {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
    }
}
