package dev.confab.server.devices;

import dev.confab.protocol.PresenceState;
import dev.confab.protocol.rest.DeviceInfo;
import dev.confab.protocol.rest.DeviceKeys;
import java.util.Base64;

/**
 * A row of the devices table: the device, its chosen presence and its public keys (null until uploaded).
 * Arrays are never modified after construction.
 */
public record DeviceRecord(String id, String userId, String name, long createdAt, long lastSeenAt,
        PresenceState presence, byte[] identityKey, byte[] agreementKey, byte[] agreementKeySignature) {

    public boolean hasKeys() {
        return identityKey != null && agreementKey != null && agreementKeySignature != null;
    }

    public DeviceInfo info() {
        return new DeviceInfo(id, name, createdAt, lastSeenAt, hasKeys());
    }

    public DeviceKeys keys() {
        Base64.Encoder b64 = Base64.getEncoder();
        return new DeviceKeys(id, b64.encodeToString(identityKey), b64.encodeToString(agreementKey),
                b64.encodeToString(agreementKeySignature));
    }
}
