package dev.confab.server.config;

/**
 * A configuration key that is unknown or holds a value the server cannot use. The message names the key, the
 * value and where it came from, so an operator can fix it; the server exits with status 2. Immutable; thrown and
 * caught on the thread that reads the configuration.
 */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String message) {
        super(message, null, false, false);
        this.key = key;
    }

    /** The offending key, or null when the problem is not about one key (an unreadable file). */
    public String key() {
        return key;
    }
}
