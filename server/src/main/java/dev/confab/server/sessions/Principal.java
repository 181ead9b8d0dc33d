package dev.confab.server.sessions;

/**
 * Who is calling: the user, the device and the session a valid bearer token stands for. Immutable.
 */
public record Principal(String userId, String deviceId, String sessionId) {}
