package dev.confab.server.sessions;

/** A row of the sessions table (the token itself is never stored, only its hash). */
record SessionRecord(String id, String userId, String deviceId, long createdAt, long lastUsedAt, long expiresAt) {}
