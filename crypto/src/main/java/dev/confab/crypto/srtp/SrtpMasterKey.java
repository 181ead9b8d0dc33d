package dev.confab.crypto.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The master key and master salt of one direction of an SRTP session, for one profile: what DTLS-SRTP exports
 * (RFC 5764 section 4.2) or what an {@code a=crypto} line carries. The arrays are copied in and out. Immutable.
 *
 * @param profile the protection profile the key is for
 * @param key     master key, {@link SrtpProfile#keyLength()} bytes
 * @param salt    master salt, {@link SrtpProfile#saltLength()} bytes
 */
public record SrtpMasterKey(SrtpProfile profile, byte[] key, byte[] salt) {

    public SrtpMasterKey {
        Objects.requireNonNull(profile, "profile");
        if (key == null || key.length != profile.keyLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.keyLength() + "-byte master key");
        }
        if (salt == null || salt.length != profile.saltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.saltLength() + "-byte master salt");
        }
        key = key.clone();
        salt = salt.clone();
    }

    /** Splits key-then-salt bytes, the layout of SDES {@code inline:} values and ffmpeg's {@code srtp_out_params}. */
    public static SrtpMasterKey ofConcatenated(SrtpProfile profile, byte[] keyAndSalt) {
        if (keyAndSalt == null || keyAndSalt.length != profile.keyLength() + profile.saltLength()) {
            throw new IllegalArgumentException(
                    profile + " needs " + (profile.keyLength() + profile.saltLength()) + " bytes of key and salt");
        }
        return new SrtpMasterKey(profile, Arrays.copyOf(keyAndSalt, profile.keyLength()),
                Arrays.copyOfRange(keyAndSalt, profile.keyLength(), keyAndSalt.length));
    }

    /**
     * One direction's key from the DTLS-SRTP keying material ({@code EXTRACTOR-dtls_srtp}, 2 * (key + salt) bytes),
     * laid out as RFC 5764 section 4.2 says: client write key, server write key, client write salt, server write salt.
     * The DTLS client protects with {@code clientWrite = true} and unprotects with {@code false}; the server the reverse.
     */
    public static SrtpMasterKey fromDtlsExport(SrtpProfile profile, byte[] material, boolean clientWrite) {
        int key = profile.keyLength();
        int salt = profile.saltLength();
        if (material == null || material.length != 2 * (key + salt)) {
            throw new IllegalArgumentException(
                    profile + " needs " + 2 * (key + salt) + " bytes of DTLS-SRTP keying material");
        }
        int keyAt = clientWrite ? 0 : key;
        int saltAt = 2 * key + (clientWrite ? 0 : salt);
        return new SrtpMasterKey(profile, Arrays.copyOfRange(material, keyAt, keyAt + key),
                Arrays.copyOfRange(material, saltAt, saltAt + salt));
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpMasterKey that && profile == that.profile && Arrays.equals(key, that.key)
                && Arrays.equals(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, Arrays.hashCode(key), Arrays.hashCode(salt));
    }

    /** Names the profile only: keys never reach logs. */
    @Override
    public String toString() {
        return "SrtpMasterKey[" + profile + "]";
    }
}
