package dev.confab.client.core.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.rest.Contact;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactListEventsTest {
    private static final Contact ALICE = contact("u-alice", "alice");
    private static final Contact BOB = contact("u-bob", "bob");
    private static final Contact CAROL = contact("u-carol", "carol");

    private final ContactListEvents events = new ContactListEvents();

    @Test
    void aContactAddedWhileTheReadWasInFlightIsKept() {
        events.added(5, BOB);
        Map<String, Contact> read = read(ALICE); // the read began after 4 list events, before bob's
        events.applyNewer(read, 4);
        assertThat(read).containsOnlyKeys("u-alice", "u-bob");
    }

    @Test
    void aContactRemovedWhileTheReadWasInFlightStaysRemoved() {
        events.removed(7, CAROL.userId());
        Map<String, Contact> read = read(ALICE, CAROL);
        events.applyNewer(read, 6);
        assertThat(read).containsOnlyKeys("u-alice");
    }

    @Test
    void theReadWinsOverEventsThatCameBeforeItBegan() {
        events.added(2, BOB); // bob was added, then removed again on the server, which the read reflects
        events.removed(3, CAROL.userId()); // carol was removed, then added again
        Map<String, Contact> read = read(ALICE, CAROL);
        events.applyNewer(read, 3);
        assertThat(read).containsOnlyKeys("u-alice", "u-carol");
        Map<String, Contact> later = read(ALICE);
        events.applyNewer(later, 3);
        assertThat(later).as("events a read reflected are forgotten").containsOnlyKeys("u-alice");
    }

    @Test
    void onlyAContactsLatestEventCounts() {
        events.added(5, BOB);
        events.removed(6, BOB.userId());
        Map<String, Contact> read = read(ALICE, BOB);
        events.applyNewer(read, 4);
        assertThat(read).containsOnlyKeys("u-alice");
    }

    private static Map<String, Contact> read(Contact... contacts) {
        Map<String, Contact> read = new LinkedHashMap<>();
        for (Contact contact : contacts) {
            read.put(contact.userId(), contact);
        }
        return read;
    }

    private static Contact contact(String id, String username) {
        return new Contact(id, username, username, 1L, false, null);
    }
}
