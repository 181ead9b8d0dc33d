package dev.confab.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A user's presence as others see it. A client may choose {@link #ONLINE}, {@link #AWAY} or {@link #BUSY} for
 * its device; {@link #OFFLINE} is what the server derives when none of the user's devices is connected.
 * (Clients add their own {@code unknown} while they are disconnected; it never travels on the wire.)
 */
public enum PresenceState {
    ONLINE, AWAY, BUSY, OFFLINE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PresenceState fromWire(String wire) {
        for (PresenceState s : values()) {
            if (s.wire().equals(wire)) {
                return s;
            }
        }
        throw Fields.invalid("state", "state must be one of online, away, busy, offline");
    }

    /** Whether a client may choose this state for its device (offline is derived, never chosen). */
    public boolean choosable() {
        return this != OFFLINE;
    }
}
