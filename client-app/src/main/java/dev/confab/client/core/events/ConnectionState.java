package dev.confab.client.core.events;

/** Where the event connection stands. Immutable; safe to use from any thread. */
public enum ConnectionState {
    /** The first attempt after {@code start()} is under way. */
    CONNECTING,
    /** Connected and welcomed by the server: events flow, contacts' presence is known. */
    CONNECTED,
    /** The connection was lost (or an attempt failed); the next attempt is scheduled. */
    RECONNECTING,
    /** Not trying: never started, stopped, or signed out. */
    OFFLINE
}
