package dev.confab.media.ice;

/** The agent's connectivity, as a call shows it (the shape of WebRTC's {@code iceConnectionState}). */
public enum IceState {
    /** Gathering; no check sent yet. */
    NEW,
    /** Checks are running and no pair works yet. */
    CHECKING,
    /** A pair works; media may flow on the selected pair. */
    CONNECTED,
    /** The selected pair stopped answering consent checks for a while: time for an ICE restart. */
    DISCONNECTED,
    /** Every pair failed, or consent expired: no path. */
    FAILED,
    /** Closed by its owner: sockets released. */
    CLOSED
}
