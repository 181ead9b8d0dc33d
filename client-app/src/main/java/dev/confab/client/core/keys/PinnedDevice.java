package dev.confab.client.core.keys;

import dev.confab.crypto.identity.PublicDeviceKeys;

/**
 * What this client knows and believes about one device of a user: its current public keys (base64), the trust
 * decision, and the identity key it replaced when it changed. Stored encrypted in the local store.
 * Immutable; safe to share between threads.
 *
 * @param previousIdentityKey the identity key pinned before a {@link TrustState#CHANGED} one; null otherwise
 * @param removed the server no longer lists the device; it is kept, with its trust, so that its return is
 *        judged against what was pinned
 * @param firstSeenAt when this client first saw the device (epoch ms)
 * @param changedAt when the trust state last changed (epoch ms)
 */
public record PinnedDevice(String userId, String deviceId, String identityKey, String agreementKey,
        String agreementKeySignature, TrustState trust, String previousIdentityKey, boolean removed, long firstSeenAt,
        long changedAt) {

    /** The device's keys in crypto form. */
    public PublicDeviceKeys keys() {
        return PublicDeviceKeys.fromBase64(identityKey, agreementKey, agreementKeySignature);
    }

    /** The identity key's fingerprint for people to compare. */
    public String fingerprint() {
        return Pinning.fingerprint(identityKey);
    }

    /** Whether the server still lists the device. */
    public boolean active() {
        return !removed;
    }

    PinnedDevice withTrust(TrustState next, long at) {
        return new PinnedDevice(userId, deviceId, identityKey, agreementKey, agreementKeySignature, next,
                next == TrustState.TRUSTED ? null : previousIdentityKey, removed, firstSeenAt, at);
    }

    PinnedDevice asRemoved() {
        return new PinnedDevice(userId, deviceId, identityKey, agreementKey, agreementKeySignature, trust,
                previousIdentityKey, true, firstSeenAt, changedAt);
    }
}
