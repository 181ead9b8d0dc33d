package dev.confab.server.accounts;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Usernames: 3 to 32 characters of lowercase letters, digits, '.', '_' and '-', starting with a letter; matched
 * case-insensitively and stored lowercase. Stateless.
 */
public final class UsernameRules {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    private UsernameRules() {}

    /** The stored form of {@code username}: stripped and lowercased. */
    public static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a normalized username follows the rules (so it may be looked up at all). */
    public static boolean isValid(String normalized) {
        return VALID.matcher(normalized).matches();
    }

    /** The normalized username, or {@code invalid_username} saying which rule it breaks. */
    public static String check(String username) {
        String normalized = normalize(username);
        if (!VALID.matcher(normalized).matches()) {
            throw new ProtocolException(ErrorCode.INVALID_USERNAME, "A username has 3 to 32 characters: letters,"
                    + " digits, '.', '_' and '-', starting with a letter", Map.of("field", "username"));
        }
        return normalized;
    }
}
