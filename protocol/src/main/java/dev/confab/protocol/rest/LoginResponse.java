package dev.confab.protocol.rest;

/**
 * Answer to signing in: the bearer {@code token} (shown once; the server keeps only its hash) and who and
 * which device it stands for.
 */
public record LoginResponse(String token, String sessionId, String userId, String username, String deviceId, long expiresAt) {}
