package dev.confab.client.ui.contacts;

import dev.confab.client.core.presence.Presence;
import java.util.Locale;

/**
 * One row of the contact list, with its texts ready to show. Immutable; safe to share between threads.
 *
 * @param name the display name, or the username when there is none
 * @param statusText "online", "offline, last seen 5 min ago", "unknown" while this client is offline, "blocked"
 * @param unread incoming messages not read yet
 * @param blocked whether this user blocked the contact
 */
public record ContactItem(String userId, String username, String name, Presence presence, String statusText, int unread,
        boolean blocked) {

    /** Whether the contact matches a search: its name or username contains {@code query}, ignoring case. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return name.toLowerCase(Locale.ROOT).contains(q) || username.toLowerCase(Locale.ROOT).contains(q);
    }
}
