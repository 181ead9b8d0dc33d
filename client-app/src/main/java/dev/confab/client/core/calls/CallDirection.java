package dev.confab.client.core.calls;

/** Who placed a call, seen from this device. Immutable. */
public enum CallDirection {
    /** This device placed it. */
    OUTGOING,
    /** A contact called this device. */
    INCOMING
}
