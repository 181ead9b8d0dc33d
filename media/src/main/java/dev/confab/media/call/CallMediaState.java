package dev.confab.media.call;

/** Where a call's media path stands, as the person in the call sees it. */
public enum CallMediaState {
    /** Nothing exchanged yet. */
    NEW,
    /** Looking for a path to the peer, or securing the one found. */
    CONNECTING,
    /** A secured path carries the call. */
    CONNECTED,
    /** The path in use stopped working; looking for another (ICE restart) without anyone doing anything. */
    RECONNECTING,
    /** No path could be found or kept, or the peer could not be authenticated: the call cannot go on. */
    FAILED,
    /** Closed by its owner. */
    CLOSED
}
