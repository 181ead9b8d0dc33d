package dev.confab.crypto.dtls;

import dev.confab.crypto.CryptoException;

/** An SDP fingerprint that does not parse; the message says why. Immutable. */
public final class FingerprintFormatException extends CryptoException {

    /**
     * An exception that says what is wrong with the fingerprint text.
     *
     * @param message the reason, for logs and error reports
     */
    public FingerprintFormatException(String message) {
        super(message);
    }
}
