package dev.confab.media.turn;

import java.util.Objects;

/**
 * A username and password for a TURN server's long-term credential mechanism (RFC 8489 section 9.2). Confab's server
 * hands out time-limited ones (see {@link TurnRestCredentials}). Immutable; {@link #toString()} hides the password.
 *
 * @param username the USERNAME the client sends
 * @param password the password the key is derived from
 */
public record TurnCredentials(String username, String password) {

    public TurnCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("TURN credentials need a username and a password");
        }
    }

    @Override
    public String toString() {
        return "TurnCredentials[" + username + ", password hidden]";
    }
}
