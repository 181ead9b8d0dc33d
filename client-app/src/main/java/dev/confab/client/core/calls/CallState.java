package dev.confab.client.core.calls;

/**
 * Where a call stands, as the person on this device meets it. A call moves forward through these; only
 * {@link #CONNECTED} and {@link #RECONNECTING} alternate, and {@link #ENDED} is final (its reason is the call's
 * {@link CallEnd}). Immutable.
 */
public enum CallState {
    /** This device is calling: the invite went out, no device of the callee rings yet. */
    OUTGOING,
    /** A device of the callee rings (caller's side). */
    RINGING,
    /** Someone calls this device, which rings (callee's side): answer or reject. */
    INCOMING,
    /** Answered: the media path is being found and secured. */
    CONNECTING,
    /** Encrypted audio flows both ways. */
    CONNECTED,
    /** The path broke and a new one is being found, with nobody doing anything. */
    RECONNECTING,
    /** Over: see {@link Call#end()} for why. */
    ENDED;

    /** Whether the call was answered and has not ended. */
    public boolean answered() {
        return this == CONNECTING || this == CONNECTED || this == RECONNECTING;
    }
}
