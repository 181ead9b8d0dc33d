package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;

/**
 * Body of {@code POST /api/v1/accounts}: a new account. The server applies the username rules and the
 * password policy; {@code displayName} defaults to the username.
 */
public record RegisterRequest(String username, String password, String displayName) {
    public RegisterRequest {
        Fields.bounded(username, "username", 64);
        Fields.bounded(password, "password", 1024);
        Fields.optionalBounded(displayName, "displayName", 64);
    }
}
