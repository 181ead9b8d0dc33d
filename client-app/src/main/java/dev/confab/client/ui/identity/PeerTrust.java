package dev.confab.client.ui.identity;

import dev.confab.client.core.keys.PinnedDevice;
import dev.confab.client.core.keys.TrustState;
import java.util.List;

/**
 * How far this device trusts a contact's keys as a whole: the state of the contact's least trusted active device.
 * Immutable.
 */
public enum PeerTrust {
    /** The user compared the safety number and it matched, and no key changed since. */
    VERIFIED("Verified: you compared the safety number and it matched. A change of keys would show here."),
    /** Every device's key was pinned on first contact or trusted by the user. */
    TRUSTED("Trusted. Compare the safety number in person or on another channel to be sure."),
    /** A device appeared after the keys were pinned. */
    NEW_DEVICE("A new device appeared. Compare the safety number, then mark it verified."),
    /** A known device shows a different key. */
    CHANGED("The safety number changed. Compare it, then mark it verified."),
    /** A device's key fails its signature check: nothing can be sent to the contact. */
    INVALID("A device's key fails its check. Messages to this contact cannot be sealed."),
    /** No key of the contact is known yet. */
    UNKNOWN("No keys known yet.");

    private final String description;

    PeerTrust(String description) {
        this.description = description;
    }

    /** A sentence for people. */
    public String description() {
        return description;
    }

    /**
     * The summary of {@code devices} (removed ones are ignored), {@code verified} being whether the user verified
     * the current safety number.
     */
    public static PeerTrust of(List<PinnedDevice> devices, boolean verified) {
        List<TrustState> active = devices.stream().filter(PinnedDevice::active).map(PinnedDevice::trust).toList();
        if (active.isEmpty()) {
            return UNKNOWN;
        }
        if (active.contains(TrustState.INVALID)) {
            return INVALID;
        }
        if (active.contains(TrustState.CHANGED)) {
            return CHANGED;
        }
        if (active.contains(TrustState.NEW_DEVICE)) {
            return NEW_DEVICE;
        }
        return verified ? VERIFIED : TRUSTED;
    }

    /** Whether a change waits for the user's decision (a new device or a changed key). */
    public boolean awaitsVerification() {
        return this == NEW_DEVICE || this == CHANGED;
    }

    /** Whether the user can mark the current safety number verified. */
    public boolean canBeVerified() {
        return this == TRUSTED || awaitsVerification();
    }
}
