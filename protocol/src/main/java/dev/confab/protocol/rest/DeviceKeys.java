package dev.confab.protocol.rest;

/**
 * The public keys of one device of a user, base64, as uploaded by that device.
 */
public record DeviceKeys(String deviceId, String identityKey, String agreementKey, String agreementKeySignature) {}
