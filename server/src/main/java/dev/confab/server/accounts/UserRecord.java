package dev.confab.server.accounts;

import dev.confab.protocol.rest.Account;
import dev.confab.protocol.rest.UserSummary;

/** A row of the users table. Immutable. */
public record UserRecord(String id, String username, String displayName, String passwordHash, long createdAt) {
    public UserSummary summary() {
        return new UserSummary(id, username, displayName);
    }

    public Account account() {
        return new Account(id, username, displayName, createdAt);
    }
}
