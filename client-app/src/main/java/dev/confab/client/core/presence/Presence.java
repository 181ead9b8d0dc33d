package dev.confab.client.core.presence;

import dev.confab.protocol.PresenceState;
import java.util.Locale;

/**
 * A contact's presence as this client shows it: the four states the server reports, plus {@link #UNKNOWN} while
 * this client is not connected. A contact is never shown offline just because this client lost its connection.
 * Immutable; safe to use from any thread.
 */
public enum Presence {
    ONLINE, AWAY, BUSY, OFFLINE,
    /** This client is not connected, so it cannot know. */
    UNKNOWN;

    public static Presence of(PresenceState state) {
        return state == null ? UNKNOWN : switch (state) {
            case ONLINE -> ONLINE;
            case AWAY -> AWAY;
            case BUSY -> BUSY;
            case OFFLINE -> OFFLINE;
        };
    }

    /** Lowercase, as people read it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
