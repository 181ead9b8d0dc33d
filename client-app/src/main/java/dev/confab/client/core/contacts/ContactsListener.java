package dev.confab.client.core.contacts;

import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.rest.UserSummary;
import java.util.List;

/**
 * Observes contacts, their presence, requests and blocks. Every method runs on the client's event thread, in the
 * order the changes happened, and receives immutable snapshots; it must not block.
 */
public interface ContactsListener {
    /** The contact list changed (added, removed, re-read, or all presences became unknown or known). */
    default void onContactsChanged(List<ContactView> contacts) {}

    /** One contact's presence changed. */
    default void onPresenceChanged(ContactView contact) {}

    /** The pending requests changed. */
    default void onRequestsChanged(ContactRequests requests) {}

    /** A request to or from this user was made, accepted, declined or cancelled just now. */
    default void onRequestEvent(ContactRequest request) {}

    /** A new contact (a request was accepted, either way). */
    default void onContactAdded(ContactView contact) {}

    /** A contact was removed, by either side. */
    default void onContactRemoved(String userId) {}

    /** The users this user blocked changed. */
    default void onBlocksChanged(List<UserSummary> blocked) {}
}
