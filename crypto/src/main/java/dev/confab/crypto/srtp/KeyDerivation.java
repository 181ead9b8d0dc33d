package dev.confab.crypto.srtp;

import java.util.Arrays;

/**
 * The SRTP key derivation function: the AES-CM PRF of RFC 3711 section 4.3.3 (AES-256 for AEAD_AES_256_GCM, as
 * RFC 6188 section 5.1 defines it) with a key derivation rate of 0, so every session key comes from index 0. GCM's
 * 96-bit master salt is multiplied by 2^16 to fill the PRF's 112-bit input (RFC 7714 erratum 4938), as libsrtp does.
 * Stateless.
 */
final class KeyDerivation {
    /** Bytes of an HMAC-SHA1 session authentication key (RFC 3711 section 8.2: n_a = 160). */
    static final int AUTH_KEY_LENGTH = 20;

    private KeyDerivation() {}

    static SessionKeys derive(SrtpMasterKey master) {
        SrtpProfile profile = master.profile();
        AesCounterMode prf = new AesCounterMode(master.key());
        byte[] salt = master.salt();
        int authLength = profile.aead() ? 0 : AUTH_KEY_LENGTH;
        return new SessionKeys(
                derive(prf, salt, 0, profile.keyLength()),
                derive(prf, salt, 1, authLength),
                derive(prf, salt, 2, profile.saltLength()),
                derive(prf, salt, 3, profile.keyLength()),
                derive(prf, salt, 4, authLength),
                derive(prf, salt, 5, profile.saltLength()));
    }

    /** {@code length} bytes of PRF output for {@code label}: AES-CM keystream under IV (label << 48 XOR salt) << 16. */
    static byte[] derive(AesCounterMode prf, byte[] masterSalt, int label, int length) {
        byte[] iv = Arrays.copyOf(masterSalt, 16);
        iv[7] ^= (byte) label;
        byte[] out = new byte[length];
        prf.xor(iv, out, 0, length);
        return out;
    }
}
