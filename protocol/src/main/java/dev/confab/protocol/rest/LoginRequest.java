package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;

/**
 * Body of {@code POST /api/v1/sessions}: signs a device in. A device that signed in before sends its
 * {@code deviceId} to stay the same device (its keys and undelivered messages stay); without it a new device
 * is made.
 */
public record LoginRequest(String username, String password, String deviceName, String deviceId) {
    public LoginRequest {
        Fields.bounded(username, "username", 64);
        Fields.bounded(password, "password", 1024);
        Fields.bounded(deviceName, "deviceName", 64);
        if (deviceId != null) {
            Fields.id(deviceId, "deviceId");
        }
    }
}
