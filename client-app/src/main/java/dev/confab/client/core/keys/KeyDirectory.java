package dev.confab.client.core.keys;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.client.core.store.LocalStore;
import dev.confab.crypto.identity.SafetyNumber;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.Json;
import dev.confab.protocol.rest.UserKeys;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every user's device keys as this client has pinned them (see {@link Pinning} for the rules), refreshed from
 * {@code GET /api/v1/users/{id}/keys}, kept encrypted in the local store.
 *
 * <p>Sealing asks {@link #sealTargets} for the devices to seal to; it refuses while any of the user's devices waits
 * for a decision ({@link UntrustedKeyException}), until {@link #trust}. Copies of what this device sends go only to
 * the {@linkplain #ownCopyTargets own devices} the user trusts: a device that appears on the user's own account is
 * reported like a contact's new device and gets nothing until {@link #trustDevice} (or {@link #trust} of the
 * user's own id). Opening asks {@link #device} for the sender device's identity key.
 *
 * <p>Thread-safe: methods serialize on this object; {@link #refresh} does network I/O, so call it off the UI
 * thread. Listeners run on the event thread.
 */
public final class KeyDirectory {
    /** The local store setting holding, per contact, the safety number the user verified. */
    private static final String VERIFIED_PREFIX = "verified-safety-number:";

    private static final String TABLE = "pinned_devices";

    private final LocalStore store;
    private final ConfabApi api;
    private final Clock clock;
    private final Supplier<String> selfUserId;
    private final Supplier<String> selfDeviceId;
    private final Function<String, String> displayName;
    private final ListenerSet<KeyListener> listeners;
    private final java.util.Map<String, Long> refreshedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Consumer<String> afterTrust = userId -> { };

    /**
     * @param selfUserId the signed-in user's id (null when signed out)
     * @param selfDeviceId this client's device id (null when signed out)
     * @param displayName how to name a user in messages for people (a username), given the id
     */
    public KeyDirectory(LocalStore store, ConfabApi api, Clock clock, Supplier<String> selfUserId,
            Supplier<String> selfDeviceId, Function<String, String> displayName, ListenerSet<KeyListener> listeners) {
        this.store = Objects.requireNonNull(store, "store");
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.selfUserId = Objects.requireNonNull(selfUserId, "selfUserId");
        this.selfDeviceId = Objects.requireNonNull(selfDeviceId, "selfDeviceId");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    public void addListener(KeyListener listener) {
        listeners.add(listener);
    }

    public void removeListener(KeyListener listener) {
        listeners.remove(listener);
    }

    /**
     * Wiring: what to do, on the thread that trusted, after the user trusted some of a user's keys (the chat resends
     * what the key change held back). Runs outside this directory's lock.
     */
    public void afterTrust(Consumer<String> action) {
        this.afterTrust = action == null ? userId -> { } : action;
    }

    /** Fetches the user's keys from the server, applies the pinning rules, and reports changes. Network I/O. */
    public synchronized List<KeyChange> refresh(String userId) {
        // Fetching under the lock keeps an older answer from being applied after a newer one.
        UserKeys keys = api.userKeys(userId);
        List<KeyChange> changes = apply(userId, keys);
        refreshedAt.put(userId, clock.millis());
        return changes;
    }

    /** Refreshes the user's keys unless this client did so within {@code maxAge}. */
    public synchronized void refreshIfOlder(String userId, java.time.Duration maxAge) {
        Long at = refreshedAt.get(userId);
        if (at == null || clock.millis() - at > maxAge.toMillis()) {
            refresh(userId);
        }
    }

    /** Applies keys fetched elsewhere. */
    public synchronized List<KeyChange> apply(String userId, UserKeys keys) {
        String thisDevice = userId.equals(selfUserId.get()) ? selfDeviceId.get() : null;
        Pinning.Outcome outcome = Pinning.reconcile(userId, thisDevice, devices(userId), keys.devices(), clock.millis());
        store.write(c -> {
            for (PinnedDevice pin : outcome.pins()) {
                save(pin);
            }
            return null;
        });
        outcome.changes().forEach(change -> listeners.fire(l -> l.onKeyChange(change)));
        return outcome.changes();
    }

    /** Whether anything is pinned for the user yet. */
    public synchronized boolean known(String userId) {
        return !devices(userId).isEmpty();
    }

    /** Every device pinned for the user, removed ones included, by device id. */
    public synchronized List<PinnedDevice> devices(String userId) {
        return store.read(c -> {
            List<PinnedDevice> pins = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT device_id, data FROM " + TABLE + " WHERE user_id = ? ORDER BY device_id")) {
                s.setString(1, userId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        byte[] json = store.unseal(TABLE, rowKey(userId, r.getString(1)), r.getBytes(2));
                        pins.add(Json.decode(json, PinnedDevice.class));
                    }
                }
            }
            return pins;
        });
    }

    /** The pinned device, whatever its trust state. */
    public synchronized Optional<PinnedDevice> device(String userId, String deviceId) {
        return devices(userId).stream().filter(p -> p.deviceId().equals(deviceId)).findFirst();
    }

    /** The changes of the user still waiting for a decision. */
    public synchronized List<KeyChange> pendingChanges(String userId) {
        boolean own = userId.equals(selfUserId.get());
        return devices(userId).stream().filter(p -> p.active() && p.trust().needsDecision()).map(p -> new KeyChange(userId, p.deviceId(),
                switch (p.trust()) {
                    case NEW_DEVICE -> KeyChange.Kind.NEW_DEVICE;
                    case CHANGED -> KeyChange.Kind.IDENTITY_CHANGED;
                    default -> KeyChange.Kind.INVALID_SIGNATURE;
                }, p.previousIdentityKey() == null ? null : Pinning.fingerprint(p.previousIdentityKey()),
                p.fingerprint(), p.changedAt(), own)).toList();
    }

    /**
     * The devices to seal a message to: every active device of the user, all trusted.
     *
     * @throws UntrustedKeyException if any active device waits for the user's decision
     */
    public synchronized List<PinnedDevice> sealTargets(String userId) {
        List<KeyChange> pending = pendingChanges(userId);
        if (!pending.isEmpty()) {
            throw new UntrustedKeyException(userId, displayName.apply(userId), pending);
        }
        return devices(userId).stream().filter(p -> p.active() && p.trust() == TrustState.TRUSTED).toList();
    }

    /**
     * The signed-in user's other devices that get a copy of what this device sends: active and trusted. A device
     * that appeared on the account and waits for the user's decision gets none.
     */
    public synchronized List<PinnedDevice> ownCopyTargets() {
        String self = selfUserId.get();
        String thisDevice = selfDeviceId.get();
        if (self == null) {
            return List.of();
        }
        return devices(self).stream().filter(p -> p.active() && p.trust() == TrustState.TRUSTED
                && !p.deviceId().equals(thisDevice)).toList();
    }

    /**
     * Trusts the user's current keys: every new or changed device becomes trusted. Devices with invalid
     * signatures stay unusable. Call it only after the user compared safety numbers.
     *
     * @return whether anything changed
     */
    public boolean trust(String userId) {
        return trustWhere(userId, pin -> true);
    }

    /**
     * Trusts one new or changed device of a user (for the user's own account: a device the user signed in on).
     *
     * @return whether anything changed
     * @throws ClientException if no active device with that id is pinned for the user ({@code not_found}), or its
     *         key fails its signature check
     */
    public boolean trustDevice(String userId, String deviceId) {
        PinnedDevice pin = device(userId, deviceId).filter(PinnedDevice::active)
                .orElseThrow(() -> new ClientException(ErrorCode.NOT_FOUND, "No device " + deviceId + " is known for "
                        + displayName.apply(userId) + "."));
        if (pin.trust() == TrustState.INVALID) {
            throw new ClientException("Device " + deviceId + " published a key with a bad signature; it cannot be trusted.");
        }
        return trustWhere(userId, p -> p.deviceId().equals(deviceId));
    }

    private boolean trustWhere(String userId, java.util.function.Predicate<PinnedDevice> which) {
        boolean changed;
        synchronized (this) {
            long now = clock.millis();
            List<PinnedDevice> pins = devices(userId);
            changed = store.write(c -> {
                boolean any = false;
                for (PinnedDevice pin : pins) {
                    if (pin.active() && which.test(pin)
                            && (pin.trust() == TrustState.NEW_DEVICE || pin.trust() == TrustState.CHANGED)) {
                        save(pin.withTrust(TrustState.TRUSTED, now));
                        any = true;
                    }
                }
                return any;
            });
        }
        if (changed) {
            listeners.fire(l -> l.onTrusted(userId));
            afterTrust.accept(userId);
        }
        return changed;
    }

    /**
     * Records that the user compared the safety number with {@code userId} (in person, by voice, or the call's words)
     * and it matched: trusts their current keys and remembers the number verified. Any later change of either side's
     * keys makes the number differ, so {@link #verified} turns false by itself and the user is asked again.
     *
     * @throws IllegalStateException if no key is known for one of the two users
     */
    public void markVerified(String userId) {
        // The number covers every active device whatever its trust, so it is the same before and after trusting;
        // stored first, listeners told of the trust already see the contact verified.
        store.putSetting(VERIFIED_PREFIX + userId, safetyNumber(userId));
        trust(userId);
    }

    /** Forgets that the safety number with {@code userId} was verified (the user is no longer sure). */
    public void clearVerified(String userId) {
        store.putSetting(VERIFIED_PREFIX + userId, null);
    }

    /** Whether the user verified the safety number with {@code userId} and it is still the same number. */
    public boolean verified(String userId) {
        Optional<String> number = store.setting(VERIFIED_PREFIX + userId);
        if (number.isEmpty()) {
            return false;
        }
        try {
            return number.get().equals(safetyNumber(userId));
        } catch (IllegalStateException noKeys) {
            return false;
        }
    }

    /**
     * The safety number between the signed-in user and {@code userId}, over both users' active device keys as
     * this client knows them (refresh both first). Both sides see the same 60 digits when nobody is in the middle.
     *
     * @throws IllegalStateException if no key is known for one of the two users
     */
    public synchronized String safetyNumber(String userId) {
        String self = selfUserId.get();
        List<byte[]> mine = identityKeys(self);
        List<byte[]> theirs = identityKeys(userId);
        if (mine.isEmpty() || theirs.isEmpty()) {
            throw new IllegalStateException("No keys known yet for " + (mine.isEmpty() ? "this account" : displayName.apply(userId)));
        }
        return SafetyNumber.of(self, mine, userId, theirs);
    }

    private List<byte[]> identityKeys(String userId) {
        return devices(userId).stream().filter(PinnedDevice::active).filter(p -> p.trust() != TrustState.INVALID)
                .sorted(Comparator.comparing(PinnedDevice::deviceId))
                .map(p -> Base64.getDecoder().decode(p.identityKey())).toList();
    }

    private void save(PinnedDevice pin) {
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE + "(user_id, device_id, data) VALUES (?, ?, ?) "
                    + "ON CONFLICT(user_id, device_id) DO UPDATE SET data = excluded.data")) {
                s.setString(1, pin.userId());
                s.setString(2, pin.deviceId());
                s.setBytes(3, store.seal(TABLE, rowKey(pin.userId(), pin.deviceId()),
                        Json.encode(pin).getBytes(StandardCharsets.UTF_8)));
                s.executeUpdate();
            }
            return null;
        });
    }

    private static String rowKey(String userId, String deviceId) {
        return userId + "\u0000" + deviceId;
    }
}
