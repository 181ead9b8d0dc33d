package dev.confab.media.audio.opus;

/**
 * No libopus could be loaded, neither the system's nor the bundled one; the message says what was tried and what to
 * install. Unchecked: it is a broken installation, not a condition a call can handle. Immutable.
 */
public final class OpusUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OpusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
