package dev.confab.client.core.keys;

/**
 * A contact's keys changed in a way the user must decide on: a new device, a known device with a new identity
 * key, or a key that fails its signature check. Until the user {@linkplain KeyDirectory#trust trusts} the user's
 * keys again, nothing is sealed to that user.
 *
 * @param oldFingerprint the fingerprint pinned before (null for a new device)
 * @param newFingerprint the fingerprint the server now shows
 */
public record KeyChange(String userId, String deviceId, Kind kind, String oldFingerprint, String newFingerprint,
        long detectedAt) {
    /** What changed. */
    public enum Kind {
        NEW_DEVICE, IDENTITY_CHANGED, INVALID_SIGNATURE
    }

    /** A sentence for people, naming the user as {@code who}. */
    public String describe(String who) {
        return switch (kind) {
            case NEW_DEVICE -> who + " has a new device (" + deviceId + "). Compare safety numbers, then trust it.";
            case IDENTITY_CHANGED -> who + "'s device " + deviceId + " has a NEW identity key. This can mean a reinstall,"
                    + " or someone in the middle. Compare safety numbers before trusting it.";
            case INVALID_SIGNATURE -> who + "'s device " + deviceId + " published a key with a bad signature; it cannot be used.";
        };
    }
}
