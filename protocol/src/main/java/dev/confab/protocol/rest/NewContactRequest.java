package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;

/**
 * Body of {@code POST /api/v1/contact-requests}: ask a user, named by exact {@code username} or by
 * {@code userId}, to become a contact, with an optional short {@code message}. When they already asked the
 * caller, both become contacts at once.
 */
public record NewContactRequest(String username, String userId, String message) {
    public NewContactRequest {
        if ((username == null || username.isBlank()) == (userId == null || userId.isBlank())) {
            throw Fields.invalid("username", "Give exactly one of username or userId");
        }
        Fields.optionalBounded(username, "username", 64);
        if (userId != null) {
            Fields.id(userId, "userId");
        }
        Fields.optionalBounded(message, "message", 280);
    }
}
