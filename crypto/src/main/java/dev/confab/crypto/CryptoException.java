package dev.confab.crypto;

/**
 * Input that fails a cryptographic check: a key, ciphertext or encoding that is malformed or not authentic.
 *
 * <p>Unchecked, and the base of this module's narrower exceptions. It never wraps a JCA exception for the
 * caller to dig into: the message says what was wrong. Misuse by the caller (a wrong-length key passed in code,
 * a null) is an {@link IllegalArgumentException} or {@link NullPointerException} instead.
 *
 * <p>Immutable; safe to share between threads.
 */
public class CryptoException extends RuntimeException {

    /**
     * An exception that says what was wrong.
     *
     * @param message what was wrong with the input, for logs and error reports
     */
    public CryptoException(String message) {
        super(message);
    }
}
