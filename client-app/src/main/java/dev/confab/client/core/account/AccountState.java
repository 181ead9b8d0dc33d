package dev.confab.client.core.account;

/**
 * Who this profile is signed in as. Immutable; safe to share between threads.
 *
 * @param userId the server's id of the user
 * @param username the user's name, lowercase
 * @param deviceId this device's id
 * @param sessionId the current session's id
 * @param serverUrl the server the session belongs to
 */
public record AccountState(String userId, String username, String deviceId, String sessionId, String serverUrl) {}
