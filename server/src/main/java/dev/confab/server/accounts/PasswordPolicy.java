package dev.confab.server.accounts;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The password policy: 10 to 256 characters, not containing the username, not one character repeated, and not
 * one of the most common passwords (an embedded list, compared case-insensitively). A refusal is
 * {@code weak_password} with {@code details.reason} ({@code too_short}, {@code too_long},
 * {@code contains_username}, {@code repeated}, {@code common}). Immutable and thread-safe.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;
    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the list of common passwords shipped in the server jar. */
    public static PasswordPolicy standard() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the server jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PasswordPolicy(words);
    }

    /** Throws {@code weak_password} when {@code password} breaks a rule for this (normalized) username. */
    public void check(String password, String username) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw weak("too_short", "A password needs at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw weak("too_long", "A password may have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw weak("contains_username", "A password must not contain the username");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw weak("repeated", "A password must not be one character repeated");
        }
        if (common.contains(lower)) {
            throw weak("common", "This password is one of the most common ones; choose another");
        }
    }

    private static ProtocolException weak(String reason, String message) {
        return new ProtocolException(ErrorCode.WEAK_PASSWORD, message, Map.of("field", "password", "reason", reason));
    }
}
