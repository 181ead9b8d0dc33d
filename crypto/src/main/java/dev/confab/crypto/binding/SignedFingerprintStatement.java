package dev.confab.crypto.binding;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.identity.IdentityKeyPair;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A {@link FingerprintStatement} with its Ed25519 signature, as the signaling {@code signature} field carries it:
 * base64 of the statement's encoding followed by the 64 signature bytes, at most {@value #MAX_ENCODED_LENGTH}
 * characters (a full-size statement is about 1,160).
 *
 * <p>The receiver {@link #decode}s what arrived and {@link #verify}s it against the identity key it pinned for the
 * sending device and the statement it expects from its own view of the call and the SDP's fingerprint.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class SignedFingerprintStatement {

    /** The longest text {@link #decode} looks at: the signaling protocol's limit. */
    public static final int MAX_ENCODED_LENGTH = 2048;

    private final FingerprintStatement statement;
    private final byte[] signature;

    SignedFingerprintStatement(FingerprintStatement statement, byte[] signature) {
        this.statement = statement;
        this.signature = signature;
    }

    /** The statement, not yet verified if this was decoded. */
    public FingerprintStatement statement() {
        return statement;
    }

    /** The base64 text for the signaling {@code signature} field. */
    public String encode() {
        byte[] encoded = statement.encoded();
        byte[] out = Arrays.copyOf(encoded, encoded.length + signature.length);
        System.arraycopy(signature, 0, out, encoded.length, signature.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /**
     * Parses what {@link #encode} wrote. Checks only the form: nothing here is trusted before {@link #verify}.
     *
     * @throws BindingException with {@link BindingException.Reason#MALFORMED} for anything else
     */
    public static SignedFingerprintStatement decode(String text) {
        if (text == null || text.length() > MAX_ENCODED_LENGTH) {
            throw malformed("missing or longer than " + MAX_ENCODED_LENGTH + " characters");
        }
        ByteBuffer in;
        try {
            in = ByteBuffer.wrap(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw malformed("not base64");
        }
        if (in.remaining() < 2 || in.get() != FingerprintStatement.VERSION) {
            throw malformed("not a version " + FingerprintStatement.VERSION + " statement");
        }
        BindingRole role = BindingRole.fromCode(in.get());
        if (role == null) {
            throw malformed("unknown role");
        }
        String callId = id(in);
        String caller = id(in);
        String callee = id(in);
        if (in.remaining() != 1 + CertificateFingerprint.LENGTH + IdentityKeyPair.SIGNATURE_LENGTH
                || in.get() != FingerprintStatement.HASH_SHA256) {
            throw malformed("not a SHA-256 fingerprint and a signature");
        }
        byte[] digest = new byte[CertificateFingerprint.LENGTH];
        byte[] signature = new byte[IdentityKeyPair.SIGNATURE_LENGTH];
        in.get(digest).get(signature);
        return new SignedFingerprintStatement(new FingerprintStatement(callId, caller, callee, role,
                CertificateFingerprint.ofDigest(digest)), signature);
    }

    /**
     * Verifies the signature with the sender's pinned identity key, then that the statement is the expected one.
     *
     * @param pinnedIdentityKey the 32-byte Ed25519 key pinned for the device that sent the SDP
     * @param expected          the statement this side expects: its own call id and user ids, the role of the SDP
     *                          received, and the fingerprint in that SDP
     * @throws BindingException saying which check failed
     */
    public void verify(byte[] pinnedIdentityKey, FingerprintStatement expected) {
        Objects.requireNonNull(expected, "expected");
        byte[] message = FingerprintStatement.signedMessage(statement.encoded());
        if (!IdentityKeyPair.verify(pinnedIdentityKey, message, signature)) {
            throw new BindingException(BindingException.Reason.BAD_SIGNATURE,
                    "the pinned identity key did not sign this statement");
        }
        if (!statement.callId().equals(expected.callId())) {
            throw new BindingException(BindingException.Reason.WRONG_CALL,
                    "signed for call " + statement.callId() + ", not " + expected.callId());
        }
        if (!statement.callerUserId().equals(expected.callerUserId())
                || !statement.calleeUserId().equals(expected.calleeUserId())) {
            throw new BindingException(BindingException.Reason.WRONG_PARTIES, "signed for a call from "
                    + statement.callerUserId() + " to " + statement.calleeUserId() + ", not from "
                    + expected.callerUserId() + " to " + expected.calleeUserId());
        }
        if (statement.role() != expected.role()) {
            throw new BindingException(BindingException.Reason.WRONG_ROLE,
                    "signed for an " + statement.role() + ", not an " + expected.role());
        }
        if (!statement.fingerprint().equals(expected.fingerprint())) {
            throw new BindingException(BindingException.Reason.FINGERPRINT_MISMATCH, "signed for "
                    + statement.fingerprint() + " but the SDP has " + expected.fingerprint());
        }
    }

    private static String id(ByteBuffer in) {
        if (!in.hasRemaining()) {
            throw malformed("truncated");
        }
        int length = in.get() & 0xff;
        if (length == 0 || in.remaining() < length) {
            throw malformed("an empty or truncated id");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("an id that is not UTF-8");
        }
    }

    private static BindingException malformed(String detail) {
        return new BindingException(BindingException.Reason.MALFORMED, detail);
    }
}
