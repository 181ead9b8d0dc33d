package dev.confab.client.core.contacts;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.client.core.presence.Presence;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.rest.BlockList;
import dev.confab.protocol.rest.Contact;
import dev.confab.protocol.rest.ContactList;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.rest.ContactRequestList;
import dev.confab.protocol.rest.PresenceInfo;
import dev.confab.protocol.rest.UserSummary;
import dev.confab.protocol.ws.ServerMessage;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's contacts with their presence, pending requests and blocks.
 *
 * <p>State comes from REST ({@link #refresh}, done on every (re)connect) and from events. Presence is live only
 * while the event connection is up: {@link #connected(boolean) connected(false)} turns every contact's presence
 * {@link Presence#UNKNOWN} (never offline) until the server reports it again. A client that is not started (the
 * one-shot CLI) shows the presence of its last REST read instead.
 *
 * <p>A presence event that arrives while a REST read is in flight wins over that read's older value.
 *
 * <p>Requests and their actions live in {@link ContactRequestBook}, blocks in {@link Blocks}, the names of users seen
 * in {@link UserDirectory}; this class keeps contacts and presence and the one order in which all of them change.
 *
 * <p>Thread-safe: state changes are serialized on this object and reported to listeners in the same order,
 * on the event thread. Operations that call the server block; call them off the UI thread.
 */
public final class ContactsService {
    private final ConfabApi api;
    private final ListenerSet<ContactsListener> listeners;
    private final UserDirectory users;
    private final ContactRequestBook requests;
    private final Blocks blocks;

    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    private final Map<String, PresenceInfo> presence = new HashMap<>();
    private final Map<String, Long> presenceStamp = new HashMap<>();
    /** Each contact's latest add (the contact) or remove (empty) event. */
    private final LatestEvents<Optional<Contact>> listEvents = new LatestEvents<>();
    private long stamp;
    private long listStamp;
    private boolean live;
    private boolean presenceKnown;

    public ContactsService(ConfabApi api, ListenerSet<ContactsListener> listeners) {
        this.api = Objects.requireNonNull(api, "api");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.users = new UserDirectory(api);
        this.requests = new ContactRequestBook(this, api, listeners, users);
        this.blocks = new Blocks(api, listeners, this::userId, this::refresh);
    }

    public void addListener(ContactsListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ContactsListener listener) {
        listeners.remove(listener);
    }

    // ---- snapshots

    /** The contacts, by username. */
    public synchronized List<ContactView> list() {
        return contacts.values().stream().map(this::view).sorted(Comparator.comparing(ContactView::username)).toList();
    }

    public synchronized Optional<ContactView> byId(String userId) {
        Contact contact = contacts.get(userId);
        return contact == null ? Optional.empty() : Optional.of(view(contact));
    }

    public synchronized Optional<ContactView> byUsername(String username) {
        String name = UserDirectory.normalize(username);
        return contacts.values().stream().filter(c -> c.username().equals(name)).findFirst().map(this::view);
    }

    public ContactRequests requests() {
        return requests.snapshot();
    }

    public List<UserSummary> blocked() {
        return blocks.list();
    }

    /** A name for people: the username of any user this client has seen, else the id itself. */
    public String nameOf(String userId) {
        return users.nameOf(userId);
    }

    /** The signed-in user's id, to tell incoming requests from outgoing ones. */
    public void self(String userId) {
        requests.self(userId);
    }

    // ---- connection

    /**
     * Whether the client runs live on the event stream ({@code true} after start) — then presence is known only
     * while connected — or one-shot, where the last REST read counts.
     */
    public synchronized void live(boolean live) {
        this.live = live;
        if (live) {
            connected(false);
        }
    }

    /** The event connection came up (presence events follow) or went down (presence becomes unknown). */
    public synchronized void connected(boolean connected) {
        if (!connected) {
            presence.clear();
            presenceStamp.clear();
        }
        if (presenceKnown != connected) {
            presenceKnown = connected;
            fireContacts();
        }
    }

    // ---- REST

    /**
     * Re-reads contacts, requests and blocks from the server. A list event that arrives while the read is in
     * flight makes the read older than what the event said, so the read is done again (a few times at most); the
     * contacts and requests that events changed during the last read stay as the events said.
     */
    public void refresh() {
        for (int attempt = 1; ; attempt++) {
            long before;
            long listsBefore;
            synchronized (this) {
                before = stamp;
                listsBefore = listStamp;
            }
            ContactList list = api.contacts();
            ContactRequestList pending = api.contactRequests();
            BlockList blockList = api.blocks();
            synchronized (this) {
                if (listStamp != listsBefore && attempt < 4) {
                    continue;
                }
                apply(list, pending, blockList, before, listsBefore);
                return;
            }
        }
    }

    private void apply(ContactList list, ContactRequestList pending, BlockList blockList, long before,
            long listsBefore) {
        Map<String, Contact> read = new LinkedHashMap<>();
        list.contacts().forEach(contact -> read.put(contact.userId(), contact));
        applyNewer(read, listEvents.newerThan(listsBefore));
        contacts.clear();
        for (Contact contact : read.values()) {
            contacts.put(contact.userId(), contact);
            users.remember(new UserSummary(contact.userId(), contact.username(), contact.displayName()));
            Long eventStamp = presenceStamp.get(contact.userId());
            if ((eventStamp == null || eventStamp <= before) && contact.presence() != null && (presenceKnown || !live)) {
                presence.put(contact.userId(), contact.presence());
            }
        }
        if (!live) {
            presenceKnown = true;
        }
        requests.replace(pending, listsBefore);
        blocks.replace(blockList.blocked());
        blockList.blocked().forEach(users::remember);
        fireContacts();
        requests.fireChanged();
        blocks.fireChanged();
    }

    /** Brings a read of the contacts up to the add ({@code contact}) and remove (empty) events newer than it. */
    static void applyNewer(Map<String, Contact> read, Map<String, Optional<Contact>> newer) {
        newer.forEach((userId, added) -> added.ifPresentOrElse(contact -> read.put(userId, contact),
                () -> read.remove(userId)));
    }

    /** Asks {@code username} to become a contact; when they had asked already, both are contacts at once. */
    public ContactRequest add(String username, String message) {
        return requests.add(username, message);
    }

    /** Accepts the incoming request named by the requester's username or the request id. */
    public ContactView accept(String usernameOrRequestId) {
        Contact contact = requests.accept(usernameOrRequestId);
        return byId(contact.userId()).orElseThrow();
    }

    /** Declines the incoming request named by the requester's username or the request id. */
    public void decline(String usernameOrRequestId) {
        requests.decline(usernameOrRequestId);
    }

    /** Cancels the outgoing request named by the recipient's username or the request id. */
    public void cancel(String usernameOrRequestId) {
        requests.cancel(usernameOrRequestId);
    }

    /** Removes a contact (both sides lose each other). */
    public void remove(String username) {
        String userId = contactId(username);
        api.removeContact(userId);
        removed(userId);
    }

    /** Blocks a user (contact or not): they can no longer message, call, ask or see presence. */
    public void block(String username) {
        blocks.block(username);
    }

    public void unblock(String username) {
        blocks.unblock(username);
    }

    /** The id of a contact named by username. @throws ClientException if not a contact */
    public String contactId(String username) {
        Optional<ContactView> contact = byUsername(username);
        if (contact.isEmpty()) {
            refresh();
            contact = byUsername(username);
        }
        if (contact.isPresent()) {
            return contact.get().userId();
        }
        users.lookup(username); // user_not_found when nobody has that name
        throw new ClientException(ErrorCode.NOT_CONTACTS,
                "'" + username.strip() + "' is not one of your contacts. Ask them with 'contacts add " + username.strip() + "'.");
    }

    /** The id of any user by username (a contact, or looked up on the server). */
    public String userId(String username) {
        Optional<ContactView> contact = byUsername(username);
        return contact.isPresent() ? contact.get().userId() : users.lookup(username).userId();
    }

    // ---- events

    /** Applies an event from the event stream. */
    public synchronized void onEvent(ServerMessage event) {
        switch (event) {
            case ServerMessage.Presence p -> {
                stamp++;
                presenceStamp.put(p.userId(), stamp);
                presence.put(p.userId(), new PresenceInfo(p.state(), p.lastSeenAt()));
                Contact contact = contacts.get(p.userId());
                if (contact != null && presenceKnown) {
                    ContactView view = view(contact);
                    listeners.fire(l -> l.onPresenceChanged(view));
                }
            }
            case ServerMessage.ContactRequestChanged changed -> {
                listStamp++;
                requests.onChanged(changed.request(), listStamp);
            }
            case ServerMessage.ContactAdded added -> added(added.contact());
            case ServerMessage.ContactRemoved removed -> removed(removed.userId());
            default -> { }
        }
    }

    /** How many list events arrived so far: a read that started before the latest one is older than it. */
    synchronized long listStamp() {
        return listStamp;
    }

    synchronized void added(Contact contact) {
        listStamp++;
        listEvents.put(contact.userId(), listStamp, Optional.of(contact));
        boolean isNew = contacts.put(contact.userId(), contact) == null;
        users.remember(new UserSummary(contact.userId(), contact.username(), contact.displayName()));
        if (contact.presence() != null && (presenceKnown || !live) && !presenceStamp.containsKey(contact.userId())) {
            presence.put(contact.userId(), contact.presence());
        }
        if (isNew) { // the accepting side learns it from its own call and from the event: tell listeners once
            ContactView view = view(contact);
            listeners.fire(l -> l.onContactAdded(view));
        }
        fireContacts();
    }

    private synchronized void removed(String userId) {
        listStamp++;
        listEvents.put(userId, listStamp, Optional.empty());
        if (contacts.remove(userId) != null) {
            presence.remove(userId);
            listeners.fire(l -> l.onContactRemoved(userId));
            fireContacts();
        }
    }

    private ContactView view(Contact contact) {
        PresenceInfo info = presenceKnown ? presence.get(contact.userId()) : null;
        Presence shown = info == null ? Presence.UNKNOWN : Presence.of(info.state());
        return new ContactView(contact.userId(), contact.username(), contact.displayName(), contact.since(),
                contact.blocked(), shown, info == null ? 0 : info.lastSeenAt());
    }

    private void fireContacts() {
        List<ContactView> snapshot = contacts.values().stream().map(this::view)
                .sorted(Comparator.comparing(ContactView::username)).toList();
        listeners.fire(l -> l.onContactsChanged(snapshot));
    }
}
