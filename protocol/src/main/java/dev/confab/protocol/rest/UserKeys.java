package dev.confab.protocol.rest;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/users/{userId}/keys}: the keys of every device of the user that has uploaded
 * them. Only the user, contacts and the other side of a pending contact request may fetch them.
 */
public record UserKeys(String userId, List<DeviceKeys> devices) {}
