package dev.confab.crypto.binding;

import dev.confab.crypto.CryptoException;
import java.util.Objects;

/**
 * A fingerprint statement that did not verify, with the {@link Reason}. The call must not proceed: the UI says the
 * call could not be secured and who might be interfering, never that it is secure.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class BindingException extends CryptoException {

    /** Why a statement was refused, in the order verification checks. */
    public enum Reason {
        /** Not base64, too long, a wrong version or length, or a field that does not decode. */
        MALFORMED,
        /** The pinned identity key did not sign these bytes: altered in transit, or signed by another key. */
        BAD_SIGNATURE,
        /** Signed, but for another call: a replay. */
        WRONG_CALL,
        /** Signed, but naming other callers: a replay from another conversation. */
        WRONG_PARTIES,
        /** Signed, but for an offer where an answer was expected or the other way round: a replay. */
        WRONG_ROLE,
        /** Signed, but for another certificate than the SDP's: the SDP's fingerprint was rewritten. */
        FINGERPRINT_MISMATCH
    }

    private final Reason reason;

    /**
     * An exception whose message is the reason and the detail.
     *
     * @param detail what exactly was wrong, for logs
     */
    public BindingException(Reason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail);
        this.reason = reason;
    }

    /** Why the statement was refused. */
    public Reason reason() {
        return reason;
    }
}
