package dev.confab.client.core.keys;

/**
 * A user's keys changed in a way the user must decide on: a new device, a known device with a new identity key,
 * or a key that fails its signature check. For a contact, nothing is sealed to them until the user
 * {@linkplain KeyDirectory#trust trusts} their keys again; for the user's own account ({@link #ownAccount()}),
 * the new or changed device gets no copy of what this device sends until the user trusts it.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param oldFingerprint the fingerprint pinned before (null for a new device)
 * @param newFingerprint the fingerprint the server now shows
 * @param ownAccount the device belongs to the signed-in user's own account
 */
public record KeyChange(String userId, String deviceId, Kind kind, String oldFingerprint, String newFingerprint,
        long detectedAt, boolean ownAccount) {
    /** What changed. Immutable. */
    public enum Kind {
        NEW_DEVICE, IDENTITY_CHANGED, INVALID_SIGNATURE
    }

    /** A sentence for people, naming the user as {@code who} (ignored for the user's own account). */
    public String describe(String who) {
        if (ownAccount) {
            return switch (kind) {
                case NEW_DEVICE -> "Your account has a new device (" + deviceId + "). If you did not just sign in on another"
                        + " device, someone else did: remove it with 'devices remove " + deviceId + "' and change your password."
                        + " If it is yours, run 'devices trust " + deviceId + "' so it gets copies of what you send.";
                case IDENTITY_CHANGED -> "Your device " + deviceId + " has a NEW identity key. If you did not reinstall it,"
                        + " remove it with 'devices remove " + deviceId + "'; if you did, run 'devices trust " + deviceId + "'.";
                case INVALID_SIGNATURE -> "Your device " + deviceId + " published a key with a bad signature; it cannot be used.";
            };
        }
        return switch (kind) {
            case NEW_DEVICE -> who + " has a new device (" + deviceId + "). Compare safety numbers, then trust it.";
            case IDENTITY_CHANGED -> who + "'s device " + deviceId + " has a NEW identity key. This can mean a reinstall,"
                    + " or someone in the middle. Compare safety numbers before trusting it.";
            case INVALID_SIGNATURE -> who + "'s device " + deviceId + " published a key with a bad signature; it cannot be used.";
        };
    }
}
