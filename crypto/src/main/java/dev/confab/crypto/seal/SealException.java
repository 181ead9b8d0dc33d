package dev.confab.crypto.seal;

import dev.confab.crypto.CryptoException;
import java.util.Objects;

/**
 * A sealed message that {@link MessageSealer#open} refused, with the {@link Reason}. The client drops the message
 * and counts the reason; it never shows the plaintext of a message that failed.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class SealException extends CryptoException {

    /** Why an envelope was refused. */
    public enum Reason {
        /** Too short, too long, or a part that cannot be decoded (such as a low-order ephemeral key). */
        MALFORMED,
        /** The version byte is not one this build reads. */
        UNSUPPORTED_VERSION,
        /**
         * The sender's identity key did not sign this envelope under this context: the envelope was altered, was
         * signed by someone else, or is opened under a different context (message id, sender or recipient) than
         * it was sealed for. The signature covers the context, so a replay under another message id, or a
         * mis-addressed envelope checked against the reader's own ids, ends here.
         */
        BAD_SIGNATURE,
        /**
         * The signature is good but the ciphertext does not decrypt: the envelope was sealed to another device's
         * agreement key.
         */
        DECRYPTION_FAILED,
        /**
         * Reserved for formats that can tell a context mismatch apart from a bad signature. Version 1 cannot:
         * there a mismatched context is {@link #BAD_SIGNATURE}.
         */
        WRONG_CONTEXT
    }

    private final Reason reason;

    /**
     * An exception whose message is the reason and the detail.
     *
     * @param detail what exactly was wrong, for logs
     */
    public SealException(Reason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail);
        this.reason = reason;
    }

    /** Why the envelope was refused. */
    public Reason reason() {
        return reason;
    }
}
