package dev.confab.crypto.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over one reused {@link MessageDigest}, writing into caller-owned arrays. JCE's {@code Mac}
 * computes the same value (a test holds them equal) but allocates a result array on every {@code doFinal}; this
 * does not. Not thread-safe: one owner at a time.
 */
final class HmacSha1 {
    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest sha1;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] inner = new byte[LENGTH];

    HmacSha1(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("SRTP authentication keys are at most 64 bytes");
        }
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
    }

    /** Starts a new message. */
    void start() {
        sha1.reset();
        sha1.update(innerPad);
    }

    void update(byte[] data, int off, int len) {
        sha1.update(data, off, len);
    }

    /** Writes the 20-byte tag of the message to {@code out[off..]}. */
    void finish(byte[] out, int off) {
        try {
            sha1.digest(inner, 0, LENGTH);
            sha1.update(outerPad);
            sha1.update(inner);
            sha1.digest(out, off, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("HMAC output buffer sized wrong", e);
        }
    }
}
