package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;

/**
 * Body of {@code PUT /api/v1/devices/current/keys}: the device's Ed25519 identity public key, its X25519
 * agreement public key, and the identity key's signature over the agreement key, all base64. A device's
 * identity key never changes; uploading a different one is refused.
 */
public record DeviceKeysUpload(String identityKey, String agreementKey, String agreementKeySignature) {
    public DeviceKeysUpload {
        Fields.base64(identityKey, "identityKey", 32);
        Fields.base64(agreementKey, "agreementKey", 32);
        Fields.base64(agreementKeySignature, "agreementKeySignature", 64);
    }
}
