package dev.confab.client.core.events;

/**
 * Observes the event connection. Runs on the client's event thread, in order; must not block.
 */
public interface ConnectionListener {
    /** The connection changed state (or, while reconnecting, scheduled its next attempt). */
    default void onConnectionChanged(ConnectionStatus status) {}
}
