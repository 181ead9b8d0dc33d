package dev.confab.client.core.keys;

import dev.confab.crypto.CryptoException;
import dev.confab.crypto.identity.PublicDeviceKeys;
import dev.confab.protocol.rest.DeviceKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pinning rules, as a pure function from what is pinned and what the server shows now to what is pinned
 * next and which changes the user must hear about:
 * <ul>
 *   <li>first contact (nothing pinned for the user yet): every device with a valid signature is pinned trusted
 *       (trust on first use);</li>
 *   <li>later, a device not seen before is {@link TrustState#NEW_DEVICE}, a known device with another identity key
 *       is {@link TrustState#CHANGED}; both wait for the user's decision and are reported once;</li>
 *   <li>the user's own account follows the same rules, with one exception: this client's own device is trusted
 *       whenever it is first seen (this client made its keys). Another device that appears on the account later
 *       is NEW_DEVICE like a contact's: the server could have added it, so it gets no copy of what this device
 *       sends until the user trusts it;</li>
 *   <li>an agreement key not signed by its identity key is {@link TrustState#INVALID}, never used;</li>
 *   <li>a device the server no longer lists is kept, marked removed, with its trust state, so its return is
 *       judged against the key it had and the decision made about it.</li>
 * </ul>
 * Stateless; safe from any thread.
 */
public final class Pinning {
    private Pinning() {}

    /** What to store and what to report after a fetch. Immutable. */
    public record Outcome(List<PinnedDevice> pins, List<KeyChange> changes) {
        public Outcome {
            pins = List.copyOf(pins);
            changes = List.copyOf(changes);
        }
    }

    /**
     * @param userId whose devices these are
     * @param thisDevice this client's device id when {@code userId} is the signed-in user, else null
     * @param pinned what is pinned for the user now (removed devices included)
     * @param fetched what the server lists now
     */
    public static Outcome reconcile(String userId, String thisDevice, List<PinnedDevice> pinned, List<DeviceKeys> fetched,
            long now) {
        boolean own = thisDevice != null;
        Map<String, PinnedDevice> byDevice = new LinkedHashMap<>();
        pinned.forEach(p -> byDevice.put(p.deviceId(), p));
        boolean firstContact = pinned.isEmpty();
        List<PinnedDevice> next = new ArrayList<>();
        List<KeyChange> changes = new ArrayList<>();
        for (DeviceKeys device : fetched) {
            PinnedDevice old = byDevice.remove(device.deviceId());
            boolean valid = valid(device);
            String newFingerprint = valid ? fingerprint(device.identityKey()) : null;
            String oldFingerprint = old == null ? null : fingerprint(old.identityKey());
            long firstSeen = old == null ? now : old.firstSeenAt();
            if (!valid) {
                boolean sameAsBefore = old != null && old.trust() == TrustState.INVALID && old.identityKey().equals(device.identityKey());
                next.add(pin(userId, device, TrustState.INVALID, old == null ? null : old.identityKey(), firstSeen, sameAsBefore ? old.changedAt() : now));
                if (!sameAsBefore) {
                    changes.add(new KeyChange(userId, device.deviceId(), KeyChange.Kind.INVALID_SIGNATURE, oldFingerprint, null, now, own));
                }
            } else if (old == null) {
                TrustState trust = firstContact || device.deviceId().equals(thisDevice) ? TrustState.TRUSTED : TrustState.NEW_DEVICE;
                next.add(pin(userId, device, trust, null, now, now));
                if (trust != TrustState.TRUSTED) {
                    changes.add(new KeyChange(userId, device.deviceId(), KeyChange.Kind.NEW_DEVICE, null, newFingerprint, now, own));
                }
            } else if (old.identityKey().equals(device.identityKey())) {
                TrustState trust = switch (old.trust()) {
                    case TRUSTED -> TrustState.TRUSTED;
                    case INVALID -> TrustState.NEW_DEVICE;
                    case NEW_DEVICE, CHANGED -> old.trust();
                };
                if (old.trust() == TrustState.INVALID) {
                    changes.add(new KeyChange(userId, device.deviceId(), KeyChange.Kind.NEW_DEVICE, null, newFingerprint, now, own));
                }
                next.add(pin(userId, device, trust, trust == TrustState.TRUSTED ? null : old.previousIdentityKey(),
                        firstSeen, trust == old.trust() ? old.changedAt() : now));
            } else if (old.trust() == TrustState.NEW_DEVICE) {
                next.add(pin(userId, device, TrustState.NEW_DEVICE, null, firstSeen, now));
                changes.add(new KeyChange(userId, device.deviceId(), KeyChange.Kind.NEW_DEVICE, null, newFingerprint, now, own));
            } else {
                String previous = old.trust() == TrustState.CHANGED && old.previousIdentityKey() != null
                        ? old.previousIdentityKey() : old.identityKey();
                next.add(pin(userId, device, TrustState.CHANGED, previous, firstSeen, now));
                changes.add(new KeyChange(userId, device.deviceId(), KeyChange.Kind.IDENTITY_CHANGED,
                        fingerprint(previous), newFingerprint, now, own));
            }
        }
        for (PinnedDevice gone : byDevice.values()) {
            next.add(gone.removed() ? gone : gone.asRemoved());
        }
        return new Outcome(List.copyOf(next), List.copyOf(changes));
    }

    private static PinnedDevice pin(String userId, DeviceKeys device, TrustState trust, String previous, long firstSeen, long changedAt) {
        return new PinnedDevice(userId, device.deviceId(), device.identityKey(), device.agreementKey(),
                device.agreementKeySignature(), trust, previous, false, firstSeen, changedAt);
    }

    private static boolean valid(DeviceKeys device) {
        try {
            return PublicDeviceKeys.fromBase64(device.identityKey(), device.agreementKey(), device.agreementKeySignature())
                    .signatureValid();
        } catch (CryptoException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    static String fingerprint(String identityKeyBase64) {
        try {
            byte[] key = java.util.Base64.getDecoder().decode(identityKeyBase64);
            return new PublicDeviceKeys(key, new byte[32], new byte[64]).fingerprint();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "(unreadable key)";
        }
    }
}
