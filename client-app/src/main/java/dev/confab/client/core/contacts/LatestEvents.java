package dev.confab.client.core.contacts;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The latest event of each thing a list holds (a contact, a contact request), stamped in the order list events
 * arrived, so that a read of the list that was in flight when an event arrived does not undo it: the event is newer
 * than the read. Not thread-safe: {@link ContactsService} and {@link ContactRequestBook} use it under the service's
 * lock.
 *
 * @param <E> what an event says of its thing
 */
final class LatestEvents<E> {
    private record Stamped<E>(long stamp, E event) {
    }

    private final Map<String, Stamped<E>> latest = new HashMap<>();

    /** {@code event}, about {@code key}, arrived as the {@code stamp}-th list event. */
    void put(String key, long stamp, E event) {
        latest.put(key, new Stamped<>(stamp, event));
    }

    /**
     * The events, by key, that arrived after a read that began when {@code readStamp} list events had arrived; forgets
     * the others, which the read already reflects.
     */
    Map<String, E> newerThan(long readStamp) {
        Map<String, E> newer = new HashMap<>();
        for (Iterator<Map.Entry<String, Stamped<E>>> it = latest.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Stamped<E>> entry = it.next();
            if (entry.getValue().stamp() <= readStamp) {
                it.remove();
            } else {
                newer.put(entry.getKey(), entry.getValue().event());
            }
        }
        return newer;
    }
}
