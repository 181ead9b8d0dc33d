package dev.confab.protocol.rest;

/**
 * One signed-in session of the account, for {@code GET /api/v1/sessions}; {@code current} marks the caller's.
 */
public record SessionInfo(String sessionId, String deviceId, String deviceName, long createdAt, long lastUsedAt,
        long expiresAt, boolean current) {}
