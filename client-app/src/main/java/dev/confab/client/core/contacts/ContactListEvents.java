package dev.confab.client.core.contacts;

import dev.confab.protocol.rest.Contact;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The latest add or remove event of each contact, stamped in the order list events arrived, so that a read of the
 * contact list that was in flight when an event arrived does not undo it: the event is newer than the read. Not
 * thread-safe: {@link ContactsService} uses it under its lock.
 */
final class ContactListEvents {
    /** A contact added ({@code contact} set) or removed ({@code contact} null) by the event stamped {@code stamp}. */
    private record Change(long stamp, Contact contact) {
    }

    private final Map<String, Change> latest = new HashMap<>();

    void added(long stamp, Contact contact) {
        latest.put(contact.userId(), new Change(stamp, contact));
    }

    void removed(long stamp, String userId) {
        latest.put(userId, new Change(stamp, null));
    }

    /**
     * Brings {@code read}, a list read that began when {@code readStamp} list events had arrived, up to the events
     * that arrived after it began; forgets the events the read already reflects.
     */
    void applyNewer(Map<String, Contact> read, long readStamp) {
        for (Iterator<Map.Entry<String, Change>> it = latest.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Change> entry = it.next();
            Change change = entry.getValue();
            if (change.stamp() <= readStamp) {
                it.remove();
            } else if (change.contact() != null) {
                read.put(entry.getKey(), change.contact());
            } else {
                read.remove(entry.getKey());
            }
        }
    }
}
