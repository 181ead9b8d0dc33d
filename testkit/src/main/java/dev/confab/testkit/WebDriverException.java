package dev.confab.testkit;

/**
 * A W3C WebDriver command that failed: the WebDriver error code ({@code javascript error}, {@code script timeout},
 * {@code session not created}, ...) and chromedriver's message, or a script's own rejection. Immutable.
 */
public final class WebDriverException extends RuntimeException {
    private final String error;

    /**
     * A failure with its WebDriver error code.
     *
     * @param error   the WebDriver error code, or {@code script rejected} for a rejected promise
     * @param message what went wrong
     */
    public WebDriverException(String error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    /** The WebDriver error code. */
    public String error() {
        return error;
    }
}
