package dev.confab.crypto.binding;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.identity.IdentityKeyPair;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a device vouches for when it sends SDP: in call {@code callId} between {@code callerUserId} and
 * {@code calleeUserId}, the DTLS certificate behind this {@link BindingRole#OFFER offer} or
 * {@link BindingRole#ANSWER answer} has {@code fingerprint}. Signed with the device's Ed25519 identity key, it lets
 * the peer, which pinned that key, tell its own SDP's fingerprint from one a server substituted.
 *
 * <p>Encoding (the bytes {@link SignedFingerprintStatement} carries): version {@value #VERSION}, the role byte, the
 * three ids each as a 1-byte length and that many bytes of UTF-8, then hash id 1 (SHA-256) and the 32 digest
 * bytes. The signature covers the ASCII label {@code "confab-dtls-fingerprint-v1"} followed by those bytes: the
 * label keeps these signatures apart from every other use of the identity key, and the length prefixes keep two
 * different statements from encoding alike.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param callId       the call, as the signaling server names it
 * @param callerUserId the user who placed the call
 * @param calleeUserId the user who was called
 * @param role         whether this travels with an offer or an answer
 * @param fingerprint  the signer's DTLS certificate fingerprint, as in its SDP
 */
public record FingerprintStatement(String callId, String callerUserId, String calleeUserId, BindingRole role,
        CertificateFingerprint fingerprint) {

    /** The format version this build writes and reads. */
    public static final int VERSION = 1;
    /** The most UTF-8 bytes an id may take: one length byte. */
    public static final int MAX_ID_BYTES = 255;

    static final byte[] LABEL = "confab-dtls-fingerprint-v1".getBytes(StandardCharsets.US_ASCII);
    static final int HASH_SHA256 = 1;

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException if an id is empty, longer than {@value #MAX_ID_BYTES} bytes of UTF-8 or not
     *         well-formed UTF-16
     */
    public FingerprintStatement {
        utf8(callId, "callId");
        utf8(callerUserId, "callerUserId");
        utf8(calleeUserId, "calleeUserId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** Signs this statement with the device's identity key, for the SDP's {@code signature} field. */
    public SignedFingerprintStatement sign(IdentityKeyPair identity) {
        return new SignedFingerprintStatement(this, identity.sign(signedMessage(encoded())));
    }

    /** The encoding described above, without label or signature. */
    byte[] encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(VERSION);
        out.write(role.code());
        for (String id : new String[] {callId, callerUserId, calleeUserId}) {
            byte[] bytes = utf8(id, "id");
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(HASH_SHA256);
        out.writeBytes(fingerprint.digest());
        return out.toByteArray();
    }

    /** The bytes the identity key signs: the label, then the encoding. */
    static byte[] signedMessage(byte[] encoded) {
        return ByteBuffer.allocate(LABEL.length + encoded.length).put(LABEL).put(encoded).array();
    }

    private static byte[] utf8(String id, String name) {
        Objects.requireNonNull(id, name);
        if (id.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(id));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + " is not well-formed UTF-16");
        }
        if (encoded.remaining() > MAX_ID_BYTES) {
            throw new IllegalArgumentException(name + " takes more than " + MAX_ID_BYTES + " bytes of UTF-8");
        }
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
