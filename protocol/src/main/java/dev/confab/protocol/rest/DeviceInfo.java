package dev.confab.protocol.rest;

/**
 * One of the caller's own devices ({@code GET /api/v1/devices}).
 */
public record DeviceInfo(String deviceId, String name, long createdAt, long lastSeenAt, boolean hasKeys) {}
