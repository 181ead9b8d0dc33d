package dev.confab.client.core.events;

import java.time.Instant;

/**
 * A snapshot of the event connection. Immutable; safe to share between threads.
 *
 * @param state where the connection stands
 * @param nextAttemptAt when the next connection attempt starts, while {@link ConnectionState#RECONNECTING}; else null
 * @param failedAttempts attempts that failed since the last successful connection
 * @param lastError why the last connection ended or failed, for people; null when there was no failure
 */
public record ConnectionStatus(ConnectionState state, Instant nextAttemptAt, int failedAttempts, String lastError) {
    /** The status before anything started. */
    public static final ConnectionStatus OFFLINE = new ConnectionStatus(ConnectionState.OFFLINE, null, 0, null);

    public boolean connected() {
        return state == ConnectionState.CONNECTED;
    }
}
