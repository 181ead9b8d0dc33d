package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;

/**
 * Body of {@code PUT /api/v1/accounts/me/password}. Every other session of the account is revoked.
 */
public record ChangePasswordRequest(String currentPassword, String newPassword) {
    public ChangePasswordRequest {
        Fields.bounded(currentPassword, "currentPassword", 1024);
        Fields.bounded(newPassword, "newPassword", 1024);
    }
}
