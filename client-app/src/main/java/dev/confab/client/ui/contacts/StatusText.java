package dev.confab.client.ui.contacts;

import dev.confab.client.core.presence.Presence;

/**
 * A contact's status as people read it: "online", "away", "busy", "offline, last seen 5 min ago", and "unknown"
 * while this client is not connected. Stateless; safe from any thread.
 */
public final class StatusText {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private StatusText() {}

    /** The status of a contact with {@code presence}, last seen at {@code lastSeenAt} (epoch ms, 0 = never), at {@code now}. */
    public static String of(Presence presence, long lastSeenAt, long now) {
        if (presence == Presence.OFFLINE && lastSeenAt > 0) {
            return "offline, last seen " + ago(lastSeenAt, now);
        }
        return presence.label();
    }

    /** How long ago {@code then} was, at {@code now}: "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago". */
    public static String ago(long then, long now) {
        long elapsed = Math.max(0, now - then);
        if (elapsed < MINUTE) {
            return "just now";
        }
        if (elapsed < HOUR) {
            return elapsed / MINUTE + " min ago";
        }
        if (elapsed < DAY) {
            return elapsed / HOUR + " h ago";
        }
        long days = elapsed / DAY;
        return days == 1 ? "yesterday" : days + " days ago";
    }
}
