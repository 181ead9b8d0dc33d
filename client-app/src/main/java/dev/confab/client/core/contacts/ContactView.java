package dev.confab.client.core.contacts;

import dev.confab.client.core.presence.Presence;

/**
 * A contact as the UI shows it: a snapshot. Immutable; safe to share between threads.
 *
 * @param since when the two became contacts (epoch ms)
 * @param blocked whether this user blocked the contact
 * @param presence the contact's presence; {@link Presence#UNKNOWN} while this client is disconnected
 * @param lastSeenAt when an offline contact was last connected (epoch ms; 0 = never or unknown)
 */
public record ContactView(String userId, String username, String displayName, long since, boolean blocked,
        Presence presence, long lastSeenAt) {}
