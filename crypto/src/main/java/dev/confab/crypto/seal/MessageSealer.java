package dev.confab.crypto.seal;

import dev.confab.crypto.CryptoException;
import dev.confab.crypto.identity.AgreementKeyPair;
import dev.confab.crypto.identity.IdentityKeyPair;
import dev.confab.crypto.kdf.Hkdf;
import dev.confab.crypto.seal.SealException.Reason;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a chat message end to end for one recipient device, and opens it there.
 *
 * <h2>Scheme, version 1</h2>
 * <ol>
 *   <li>A fresh ephemeral X25519 key pair {@code e} per message;
 *       {@code shared = X25519(e, recipientAgreementPublic)}.</li>
 *   <li>{@code okm = HKDF-SHA256(salt = ePublic || recipientAgreementPublic, ikm = shared, info = C, 44)}, where
 *       {@code C} is {@link SealContext#encoded()} (it starts with the label {@code "confab-seal-v1"}).
 *       The first 32 bytes are the AES-256 key, the last 12 the GCM nonce. The nonce is derived rather than
 *       random because each key encrypts exactly one message: that saves 12 bytes and leaves no nonce to reuse.</li>
 *   <li>{@code ciphertext = AES-256-GCM(key, nonce, aad = header || C, plaintext)}, with a 16-byte tag, where
 *       {@code header = version || ePublic}.</li>
 *   <li>{@code signature = Ed25519(senderIdentity, C || header || ciphertext)}. The context comes first so that
 *       every signed message of this kind starts with the {@code "confab-seal-v1"} label, apart from anything
 *       else the identity key signs.</li>
 * </ol>
 *
 * <h2>Wire format</h2>
 * <pre>
 * version (1 byte, 0x01) | ephemeral public key (32) | ciphertext and GCM tag (plaintext length + 16) | signature (64)
 * </pre>
 * No nonce travels: it is derived. An envelope is {@value #OVERHEAD} bytes longer than its plaintext; plaintexts
 * are at most {@value #MAX_PLAINTEXT_LENGTH} bytes.
 *
 * <h2>What opening checks</h2>
 * The version, then the length, then the signature over the context and the envelope, and only then decrypts.
 * A changed byte anywhere, another sender, or any difference in the context (message id, sender, recipient)
 * fails the signature: {@link Reason#BAD_SIGNATURE}. An authentic envelope opened with the wrong device's
 * agreement key fails decryption: {@link Reason#DECRYPTION_FAILED}. Replay of the same envelope under the same
 * message id cannot be seen here; the client's message store drops a message id it has already taken.
 *
 * <p>Stateless; safe to call from any thread. The {@link SecureRandom} passed to {@link #seal} must be safe for
 * the caller's threads (the JDK's are).
 */
public final class MessageSealer {

    /** The format version this class writes and reads. */
    public static final byte VERSION = 1;
    /** The largest plaintext {@link #seal} accepts: 16 KiB. */
    public static final int MAX_PLAINTEXT_LENGTH = 16 * 1024;

    private static final int HEADER_LENGTH = 1 + AgreementKeyPair.KEY_LENGTH;
    private static final int TAG_LENGTH = 16;
    /** Bytes an envelope adds to its plaintext: header, GCM tag and signature. */
    public static final int OVERHEAD = HEADER_LENGTH + TAG_LENGTH + IdentityKeyPair.SIGNATURE_LENGTH;

    private static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;

    private MessageSealer() {
    }

    /**
     * Seals {@code plaintext} from the sender to one recipient device.
     *
     * @param recipientAgreementPublic the recipient device's 32-byte X25519 key, taken from {@code PublicDeviceKeys}
     *        whose signature was checked against the pinned identity key
     * @param random source of the ephemeral key
     * @return the envelope, in the wire format above
     * @throws IllegalArgumentException if {@code plaintext} is longer than {@value #MAX_PLAINTEXT_LENGTH} bytes
     * @throws CryptoException if the recipient key is not 32 bytes or is a low-order point
     */
    public static byte[] seal(
            byte[] plaintext, SealContext context, IdentityKeyPair senderIdentity, byte[] recipientAgreementPublic,
            SecureRandom random) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(senderIdentity, "senderIdentity");
        Objects.requireNonNull(recipientAgreementPublic, "recipientAgreementPublic");
        Objects.requireNonNull(random, "random");
        if (plaintext.length > MAX_PLAINTEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "plaintext is " + plaintext.length + " bytes, more than " + MAX_PLAINTEXT_LENGTH);
        }
        AgreementKeyPair ephemeral = AgreementKeyPair.generate(random);
        byte[] ephemeralPublic = ephemeral.publicKeyBytes();
        byte[] header = ByteBuffer.allocate(HEADER_LENGTH).put(VERSION).put(ephemeralPublic).array();
        byte[] contextBytes = context.encoded();
        byte[] shared = ephemeral.agree(recipientAgreementPublic);
        byte[] ciphertext;
        try {
            ciphertext = cipher(Cipher.ENCRYPT_MODE, shared, ephemeralPublic, recipientAgreementPublic, header,
                    contextBytes).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES-256-GCM failed to encrypt", e);
        }
        byte[] signature = senderIdentity.sign(signedMessage(contextBytes, header, ciphertext));
        return ByteBuffer.allocate(header.length + ciphertext.length + signature.length)
                .put(header).put(ciphertext).put(signature).array();
    }

    /**
     * Checks and opens an envelope addressed to this device.
     *
     * @param context the context as the recipient sees it: the message id and sender from the delivery, and
     *        its own user and device ids
     * @param senderIdentityPublic the sender device's pinned 32-byte identity key
     * @param recipientAgreement this device's agreement key pair
     * @return the plaintext
     * @throws SealException with the reason the envelope was refused
     */
    public static byte[] open(
            byte[] sealed, SealContext context, byte[] senderIdentityPublic, AgreementKeyPair recipientAgreement) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(senderIdentityPublic, "senderIdentityPublic");
        Objects.requireNonNull(recipientAgreement, "recipientAgreement");
        if (sealed.length == 0) {
            throw new SealException(Reason.MALFORMED, "envelope is empty");
        }
        if (sealed[0] != VERSION) {
            throw new SealException(Reason.UNSUPPORTED_VERSION, "version " + (sealed[0] & 0xFF));
        }
        if (sealed.length < OVERHEAD || sealed.length > OVERHEAD + MAX_PLAINTEXT_LENGTH) {
            throw new SealException(Reason.MALFORMED, "envelope is " + sealed.length + " bytes, outside "
                    + OVERHEAD + ".." + (OVERHEAD + MAX_PLAINTEXT_LENGTH));
        }
        int signatureOffset = sealed.length - IdentityKeyPair.SIGNATURE_LENGTH;
        byte[] header = Arrays.copyOfRange(sealed, 0, HEADER_LENGTH);
        byte[] ciphertext = Arrays.copyOfRange(sealed, HEADER_LENGTH, signatureOffset);
        byte[] signature = Arrays.copyOfRange(sealed, signatureOffset, sealed.length);
        byte[] contextBytes = context.encoded();
        if (!IdentityKeyPair.verify(senderIdentityPublic, signedMessage(contextBytes, header, ciphertext), signature)) {
            throw new SealException(Reason.BAD_SIGNATURE, "not signed by the sender's identity key under this context");
        }
        byte[] ephemeralPublic = Arrays.copyOfRange(header, 1, HEADER_LENGTH);
        byte[] shared;
        try {
            shared = recipientAgreement.agree(ephemeralPublic);
        } catch (CryptoException e) {
            throw new SealException(Reason.MALFORMED, "ephemeral key: " + e.getMessage());
        }
        Cipher cipher = cipher(Cipher.DECRYPT_MODE,
                shared, ephemeralPublic, recipientAgreement.publicKeyBytes(), header, contextBytes);
        try {
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new SealException(Reason.DECRYPTION_FAILED, "GCM tag mismatch: sealed to another agreement key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES-256-GCM failed to decrypt", e);
        }
    }

    private static byte[] signedMessage(byte[] contextBytes, byte[] header, byte[] ciphertext) {
        return ByteBuffer.allocate(contextBytes.length + header.length + ciphertext.length)
                .put(contextBytes).put(header).put(ciphertext).array();
    }

    /**
     * An AES-256-GCM cipher with the key and nonce derived from {@code shared} (wiped here) and the header and
     * context as additional data.
     */
    private static Cipher cipher(
            int mode, byte[] shared, byte[] ephemeralPublic, byte[] recipientPublic, byte[] header,
            byte[] contextBytes) {
        byte[] salt = ByteBuffer.allocate(ephemeralPublic.length + recipientPublic.length)
                .put(ephemeralPublic).put(recipientPublic).array();
        byte[] okm = Hkdf.derive(salt, shared, contextBytes, KEY_LENGTH + NONCE_LENGTH);
        Arrays.fill(shared, (byte) 0);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(okm, 0, KEY_LENGTH, "AES"),
                    new GCMParameterSpec(TAG_LENGTH * Byte.SIZE, okm, KEY_LENGTH, NONCE_LENGTH));
            cipher.updateAAD(header);
            cipher.updateAAD(contextBytes);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES-256-GCM refused valid parameters", e);
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }
}
