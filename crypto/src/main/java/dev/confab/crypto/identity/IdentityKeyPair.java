package dev.confab.crypto.identity;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A device's Ed25519 identity key pair (RFC 8032). The private half never leaves the device; the public half is
 * published to the server and pinned by contacts.
 *
 * <p>Signing and verification use the JDK's {@code Ed25519} provider. The JCA has no way to compute a public key
 * from a given private key, so {@link #fromPrivateKeyBytes} derives it with Bouncy Castle, once.
 *
 * <p>Immutable and safe to share between threads: each signature uses its own {@link Signature} instance.
 */
public final class IdentityKeyPair {

    /** Length of the private key: the 32-byte RFC 8032 seed. */
    public static final int PRIVATE_KEY_LENGTH = 32;
    /** Length of the RFC 8032 public key encoding. */
    public static final int PUBLIC_KEY_LENGTH = 32;
    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private static final String ALGORITHM = "Ed25519";
    /** DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410 section 4); the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final byte[] privateKey;
    private final byte[] publicKey;
    private final PrivateKey jcaPrivateKey;

    private IdentityKeyPair(byte[] privateKey, byte[] publicKey, PrivateKey jcaPrivateKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.jcaPrivateKey = jcaPrivateKey;
    }

    /** Makes a new key pair from 32 bytes of {@code random}, the seed RFC 8032 section 5.1.5 asks for. */
    public static IdentityKeyPair generate(SecureRandom random) {
        byte[] seed = new byte[PRIVATE_KEY_LENGTH];
        random.nextBytes(seed);
        try {
            return fromPrivateKeyBytes(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Restores a key pair from its private key, as returned by {@link #privateKeyBytes()}.
     *
     * @param seed32 the 32-byte RFC 8032 private key (seed); copied
     * @throws IllegalArgumentException if it is not 32 bytes
     */
    public static IdentityKeyPair fromPrivateKeyBytes(byte[] seed32) {
        Objects.requireNonNull(seed32, "seed32");
        if (seed32.length != PRIVATE_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "Ed25519 private key must be " + PRIVATE_KEY_LENGTH + " bytes, got " + seed32.length);
        }
        byte[] seed = seed32.clone();
        byte[] publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        try {
            PrivateKey jcaKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            return new IdentityKeyPair(seed, publicKey, jcaKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused an Ed25519 private key", e);
        }
    }

    /** The 32-byte private key (seed), for the client's encrypted local store. A copy: wipe it after use. */
    public byte[] privateKeyBytes() {
        return privateKey.clone();
    }

    /** The 32-byte RFC 8032 encoding of the public key. A copy. */
    public byte[] publicKeyBytes() {
        return publicKey.clone();
    }

    /** Signs {@code message} (pure Ed25519, no context or prehash); returns the 64-byte signature. */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(jcaPrivateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK failed to make an Ed25519 signature", e);
        }
    }

    /**
     * Checks an Ed25519 signature.
     *
     * @return true only if {@code signature64} is a valid signature of {@code message} under {@code publicKey32};
     *         false, never an exception, for a null, wrong-length or undecodable key or signature
     */
    public static boolean verify(byte[] publicKey32, byte[] message, byte[] signature64) {
        if (publicKey32 == null || publicKey32.length != PUBLIC_KEY_LENGTH
                || signature64 == null || signature64.length != SIGNATURE_LENGTH || message == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(jcaPublicKey(publicKey32));
            verifier.update(message);
            return verifier.verify(signature64);
        } catch (InvalidKeySpecException | InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519 provider", e);
        }
    }

    private static PublicKey jcaPublicKey(byte[] raw) throws GeneralSecurityException {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
    }
}
