package dev.confab.client.core.keys;

/** How far the user trusts one pinned device key. Immutable; safe to use from any thread. */
public enum TrustState {
    /** Pinned on first contact, or explicitly trusted by the user: messages are sealed to it. */
    TRUSTED,
    /** A device the contact added after the keys were pinned: nothing is sealed to it until the user trusts it. */
    NEW_DEVICE,
    /** A known device now shows a different identity key: nothing is sealed to it until the user trusts it. */
    CHANGED,
    /** The device's agreement key is not signed by its identity key: it can never be used. */
    INVALID;

    /** Whether this state needs the user's decision before anything is sent to the user. */
    public boolean needsDecision() {
        return this == NEW_DEVICE || this == CHANGED || this == INVALID;
    }
}
