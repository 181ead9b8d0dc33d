package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;

/**
 * Body of {@code DELETE /api/v1/accounts/me}: the password again, so a stolen token cannot delete an account.
 */
public record DeleteAccountRequest(String password) {
    public DeleteAccountRequest {
        Fields.bounded(password, "password", 1024);
    }
}
