package dev.confab.client.core.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.rest.Contact;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contact add and remove events against reads of the contact list that were in flight when they came. */
class LatestEventsTest {
    private static final Contact ALICE = contact("u-alice", "alice");
    private static final Contact BOB = contact("u-bob", "bob");
    private static final Contact CAROL = contact("u-carol", "carol");

    private final LatestEvents<Optional<Contact>> events = new LatestEvents<>();

    @Test
    void aContactAddedWhileTheReadWasInFlightIsKept() {
        events.put(BOB.userId(), 5, Optional.of(BOB));
        Map<String, Contact> read = read(ALICE); // the read began after 4 list events, before bob's
        ContactsService.applyNewer(read, events.newerThan(4));
        assertThat(read).containsOnlyKeys("u-alice", "u-bob");
    }

    @Test
    void aContactRemovedWhileTheReadWasInFlightStaysRemoved() {
        events.put(CAROL.userId(), 7, Optional.empty());
        Map<String, Contact> read = read(ALICE, CAROL);
        ContactsService.applyNewer(read, events.newerThan(6));
        assertThat(read).containsOnlyKeys("u-alice");
    }

    @Test
    void theReadWinsOverEventsThatCameBeforeItBegan() {
        // bob was added, then removed again on the server, which the read reflects; carol removed, then added again
        events.put(BOB.userId(), 2, Optional.of(BOB));
        events.put(CAROL.userId(), 3, Optional.empty());
        Map<String, Contact> read = read(ALICE, CAROL);
        ContactsService.applyNewer(read, events.newerThan(3));
        assertThat(read).containsOnlyKeys("u-alice", "u-carol");
        Map<String, Contact> later = read(ALICE);
        ContactsService.applyNewer(later, events.newerThan(3));
        assertThat(later).as("events a read reflected are forgotten").containsOnlyKeys("u-alice");
    }

    @Test
    void onlyAContactsLatestEventCounts() {
        events.put(BOB.userId(), 5, Optional.of(BOB));
        events.put(BOB.userId(), 6, Optional.empty());
        Map<String, Contact> read = read(ALICE, BOB);
        ContactsService.applyNewer(read, events.newerThan(4));
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
