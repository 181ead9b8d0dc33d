package dev.confab.crypto.store;

import dev.confab.crypto.CryptoException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for records in the client's encrypted local store.
 *
 * <p>Format, version 1: {@code version (1 byte, 0x01) | nonce (12 random bytes) | ciphertext and tag (16)}. The
 * GCM additional data is the version byte followed by the caller's {@code associatedData}, which should name the
 * record (table and key), so a ciphertext moved to another record fails to decrypt. Nonces are random, so one
 * key should encrypt at most 2<sup>32</sup> records (NIST SP 800-38D section 8.3); a store rotates its key long
 * before that.
 *
 * <p>Immutable and safe to share between threads: each call uses its own {@link Cipher}.
 */
public final class StoreCipher {

    /** The format version this class writes and reads. */
    public static final byte VERSION = 1;
    /** Length of a key. */
    public static final int KEY_LENGTH = 32;

    private static final int NONCE_LENGTH = 12;
    private static final int TAG_LENGTH = 16;
    /** Bytes {@link #encrypt} adds to a plaintext: version, nonce and tag. */
    public static final int OVERHEAD = 1 + NONCE_LENGTH + TAG_LENGTH;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /**
     * A cipher under {@code key32} that draws nonces from a new {@link SecureRandom}.
     *
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public StoreCipher(byte[] key32) {
        this(key32, new SecureRandom());
    }

    /**
     * A cipher under {@code key32} that draws nonces from {@code random}.
     *
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public StoreCipher(byte[] key32, SecureRandom random) {
        Objects.requireNonNull(key32, "key32");
        if (key32.length != KEY_LENGTH) {
            throw new IllegalArgumentException("store key must be " + KEY_LENGTH + " bytes, got " + key32.length);
        }
        this.key = new SecretKeySpec(key32, "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new random 32-byte key. */
    public static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[KEY_LENGTH];
        random.nextBytes(key);
        return key;
    }

    /** Encrypts {@code plaintext}, bound to {@code associatedData}; returns the sealed record. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] sealed = new byte[OVERHEAD + plaintext.length];
        sealed[0] = VERSION;
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, sealed, 1, NONCE_LENGTH);
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, nonce, associatedData);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + NONCE_LENGTH);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES-256-GCM failed on valid parameters", e);
        }
    }

    /**
     * Checks and decrypts a record made by {@link #encrypt} with the same {@code associatedData}.
     *
     * @throws CryptoException if the record is too short, has another version, or fails authentication (another
     *         key, other associated data, or any changed byte)
     */
    public byte[] decrypt(byte[] sealed, byte[] associatedData) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(associatedData, "associatedData");
        if (sealed.length < OVERHEAD) {
            throw new CryptoException("store record is " + sealed.length + " bytes, shorter than " + OVERHEAD);
        }
        if (sealed[0] != VERSION) {
            throw new CryptoException("store record has unsupported version " + (sealed[0] & 0xFF));
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_LENGTH);
        try {
            Cipher cipher = init(Cipher.DECRYPT_MODE, nonce, associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_LENGTH, sealed.length - 1 - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new CryptoException("store record failed authentication: wrong key or associated data, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES-256-GCM failed on valid parameters", e);
        }
    }

    private Cipher init(int mode, byte[] nonce, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_LENGTH * Byte.SIZE, nonce));
        cipher.updateAAD(new byte[] {VERSION});
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
