package dev.confab.crypto.identity;

import dev.confab.crypto.CryptoException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The public keys a device publishes: its Ed25519 identity key, its X25519 agreement key, and the identity key's
 * signature over the agreement key. Contacts pin the identity key; the signature lets them trust the agreement
 * key that the server hands out next to it.
 *
 * <p>The signed message is {@code "confab-agreement-key-v1" || agreementKey} (ASCII label, then 32 bytes), so the
 * signature cannot be replayed as any other Confab signature.
 *
 * <p>Immutable (arrays are copied in and out) and safe to share between threads. Equality is by content.
 *
 * @param identityKey 32-byte Ed25519 public key (RFC 8032)
 * @param agreementKey 32-byte X25519 public key (RFC 7748)
 * @param agreementKeySignature 64-byte Ed25519 signature of the label and {@code agreementKey}
 */
public record PublicDeviceKeys(byte[] identityKey, byte[] agreementKey, byte[] agreementKeySignature) {

    private static final byte[] AGREEMENT_KEY_LABEL = "confab-agreement-key-v1".getBytes(StandardCharsets.US_ASCII);

    /**
     * Copies and checks the three values.
     *
     * @throws IllegalArgumentException if a key or the signature has the wrong length
     */
    public PublicDeviceKeys {
        identityKey = copyOfLength(identityKey, IdentityKeyPair.PUBLIC_KEY_LENGTH, "identityKey");
        agreementKey = copyOfLength(agreementKey, AgreementKeyPair.KEY_LENGTH, "agreementKey");
        agreementKeySignature = copyOfLength(
                agreementKeySignature, IdentityKeyPair.SIGNATURE_LENGTH, "agreementKeySignature");
    }

    /**
     * Parses the three values as they travel in JSON: standard Base64 (RFC 4648 section 4) with padding.
     *
     * @throws CryptoException if a value is not Base64 or decodes to the wrong length
     */
    public static PublicDeviceKeys fromBase64(String identityKey, String agreementKey, String signature) {
        return new PublicDeviceKeys(
                decode(identityKey, IdentityKeyPair.PUBLIC_KEY_LENGTH, "identity key"),
                decode(agreementKey, AgreementKeyPair.KEY_LENGTH, "agreement key"),
                decode(signature, IdentityKeyPair.SIGNATURE_LENGTH, "agreement key signature"));
    }

    /** Whether the identity key signed this agreement key. Check it before sealing to the agreement key. */
    public boolean signatureValid() {
        return IdentityKeyPair.verify(identityKey, signedMessage(agreementKey), agreementKeySignature);
    }

    /**
     * The identity key's fingerprint for people to compare: SHA-256 of the 32-byte key, as 64 lowercase hex
     * digits in 16 groups of 4 separated by single spaces.
     */
    public String fingerprint() {
        String hex = HexFormat.of().formatHex(sha256(identityKey));
        StringBuilder grouped = new StringBuilder(hex.length() + hex.length() / 4);
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(hex, i, i + 4);
        }
        return grouped.toString();
    }

    /** The identity key in standard Base64. */
    public String identityKeyBase64() {
        return Base64.getEncoder().encodeToString(identityKey);
    }

    /** The agreement key in standard Base64. */
    public String agreementKeyBase64() {
        return Base64.getEncoder().encodeToString(agreementKey);
    }

    /** The agreement key signature in standard Base64. */
    public String agreementKeySignatureBase64() {
        return Base64.getEncoder().encodeToString(agreementKeySignature);
    }

    /** A copy of the 32-byte identity key. */
    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    /** A copy of the 32-byte agreement key. */
    @Override
    public byte[] agreementKey() {
        return agreementKey.clone();
    }

    /** A copy of the 64-byte signature. */
    @Override
    public byte[] agreementKeySignature() {
        return agreementKeySignature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicDeviceKeys that
                && Arrays.equals(identityKey, that.identityKey)
                && Arrays.equals(agreementKey, that.agreementKey)
                && Arrays.equals(agreementKeySignature, that.agreementKeySignature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                Arrays.hashCode(identityKey), Arrays.hashCode(agreementKey), Arrays.hashCode(agreementKeySignature));
    }

    @Override
    public String toString() {
        return "PublicDeviceKeys[identityKey=" + identityKeyBase64() + ", agreementKey=" + agreementKeyBase64()
                + ", agreementKeySignature=" + agreementKeySignatureBase64() + "]";
    }

    /** The message the identity key signs to vouch for {@code agreementKey}. */
    static byte[] signedMessage(byte[] agreementKey) {
        byte[] message = Arrays.copyOf(AGREEMENT_KEY_LABEL, AGREEMENT_KEY_LABEL.length + agreementKey.length);
        System.arraycopy(agreementKey, 0, message, AGREEMENT_KEY_LABEL.length, agreementKey.length);
        return message;
    }

    private static byte[] copyOfLength(byte[] value, int length, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, got " + value.length);
        }
        return value.clone();
    }

    private static byte[] decode(String base64, int length, String name) {
        Objects.requireNonNull(base64, name);
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(name + " is not valid Base64");
        }
        if (decoded.length != length) {
            throw new CryptoException(name + " must be " + length + " bytes, got " + decoded.length);
        }
        return decoded;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
