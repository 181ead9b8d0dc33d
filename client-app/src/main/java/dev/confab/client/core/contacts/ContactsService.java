package dev.confab.client.core.contacts;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.client.core.presence.Presence;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.rest.BlockList;
import dev.confab.protocol.rest.Contact;
import dev.confab.protocol.rest.ContactList;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.rest.ContactRequestList;
import dev.confab.protocol.rest.ContactRequestStatus;
import dev.confab.protocol.rest.NewContactRequest;
import dev.confab.protocol.rest.PresenceInfo;
import dev.confab.protocol.rest.UserSummary;
import dev.confab.protocol.ws.ServerMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * <p>Thread-safe: state changes are serialized on this object and reported to listeners in the same order,
 * on the event thread. Operations that call the server block; call them off the UI thread.
 */
public final class ContactsService {
    private final ConfabApi api;
    private final ListenerSet<ContactsListener> listeners;

    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    private final Map<String, PresenceInfo> presence = new HashMap<>();
    private final Map<String, Long> presenceStamp = new HashMap<>();
    private final Map<String, UserSummary> users = new HashMap<>();
    private ContactRequests requests = ContactRequests.NONE;
    private List<UserSummary> blocked = List.of();
    private long stamp;
    private long listStamp;
    private boolean live;
    private boolean presenceKnown;

    public ContactsService(ConfabApi api, ListenerSet<ContactsListener> listeners) {
        this.api = Objects.requireNonNull(api, "api");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
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
        String name = username.strip().toLowerCase(Locale.ROOT);
        return contacts.values().stream().filter(c -> c.username().equals(name)).findFirst().map(this::view);
    }

    public synchronized ContactRequests requests() {
        return requests;
    }

    public synchronized List<UserSummary> blocked() {
        return blocked;
    }

    /** A name for people: the username of any user this client has seen, else the id itself. */
    public synchronized String nameOf(String userId) {
        UserSummary user = users.get(userId);
        return user == null ? userId : user.username();
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
     * flight makes the read older than what the event said, so the read is done again (a few times at most).
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
            BlockList blocks = api.blocks();
            synchronized (this) {
                if (listStamp != listsBefore && attempt < 4) {
                    continue;
                }
                apply(list, pending, blocks, before);
                return;
            }
        }
    }

    private void apply(ContactList list, ContactRequestList pending, BlockList blocks, long before) {
        contacts.clear();
        for (Contact contact : list.contacts()) {
            contacts.put(contact.userId(), contact);
            remember(new UserSummary(contact.userId(), contact.username(), contact.displayName()));
            Long eventStamp = presenceStamp.get(contact.userId());
            if ((eventStamp == null || eventStamp <= before) && contact.presence() != null && (presenceKnown || !live)) {
                presence.put(contact.userId(), contact.presence());
            }
        }
        if (!live) {
            presenceKnown = true;
        }
        requests = new ContactRequests(pending.incoming(), pending.outgoing());
        requests.incoming().forEach(r -> remember(r.from()));
        requests.outgoing().forEach(r -> remember(r.to()));
        blocked = List.copyOf(blocks.blocked());
        blocked.forEach(this::remember);
        fireContacts();
        ContactRequests snapshot = requests;
        listeners.fire(l -> l.onRequestsChanged(snapshot));
        List<UserSummary> blockSnapshot = blocked;
        listeners.fire(l -> l.onBlocksChanged(blockSnapshot));
    }

    /** Asks {@code username} to become a contact; when they had asked already, both are contacts at once. */
    public ContactRequest add(String username, String message) {
        ContactRequest request = api.requestContact(new NewContactRequest(username.strip(), null, blankToNull(message)));
        onRequest(request);
        if (request.status() == ContactRequestStatus.ACCEPTED) {
            refresh();
        } else {
            refreshRequests();
        }
        return request;
    }

    /** Accepts the incoming request named by the requester's username or the request id. */
    public ContactView accept(String usernameOrRequestId) {
        ContactRequest request = findRequest(usernameOrRequestId, true);
        Contact contact = api.acceptRequest(request.requestId());
        added(contact);
        refreshRequests();
        return byId(contact.userId()).orElseThrow();
    }

    /** Declines the incoming request named by the requester's username or the request id. */
    public void decline(String usernameOrRequestId) {
        api.declineRequest(findRequest(usernameOrRequestId, true).requestId());
        refreshRequests();
    }

    /** Cancels the outgoing request named by the recipient's username or the request id. */
    public void cancel(String usernameOrRequestId) {
        api.cancelRequest(findRequest(usernameOrRequestId, false).requestId());
        refreshRequests();
    }

    /** Removes a contact (both sides lose each other). */
    public void remove(String username) {
        String userId = contactId(username);
        api.removeContact(userId);
        removed(userId);
    }

    /** Blocks a user (contact or not): they can no longer message, call, ask or see presence. */
    public void block(String username) {
        api.block(userId(username));
        refresh();
    }

    public void unblock(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        String id;
        synchronized (this) {
            id = blocked.stream().filter(u -> u.username().equals(name)).map(UserSummary::userId).findFirst().orElse(null);
        }
        api.unblock(id != null ? id : userId(username));
        refresh();
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
        lookup(username); // user_not_found when nobody has that name
        throw new ClientException(ErrorCode.NOT_CONTACTS,
                "'" + username.strip() + "' is not one of your contacts. Ask them with 'contacts add " + username.strip() + "'.");
    }

    /** The id of any user by username (a contact, or looked up on the server). */
    public String userId(String username) {
        Optional<ContactView> contact = byUsername(username);
        if (contact.isPresent()) {
            return contact.get().userId();
        }
        UserSummary user = lookup(username);
        synchronized (this) {
            remember(user);
        }
        return user.userId();
    }

    private UserSummary lookup(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        try {
            return api.findUser(name);
        } catch (ApiException e) {
            if (e.is(ErrorCode.USER_NOT_FOUND)) {
                throw ApiException.server(e.httpStatus(), e.wireCode(), "Nobody is called '" + name + "' on this server.", e.details());
            }
            throw e;
        }
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
                onRequest(changed.request());
                List<ContactRequest> incoming = new ArrayList<>(requests.incoming());
                List<ContactRequest> outgoing = new ArrayList<>(requests.outgoing());
                incoming.removeIf(r -> r.requestId().equals(changed.request().requestId()));
                outgoing.removeIf(r -> r.requestId().equals(changed.request().requestId()));
                if (changed.request().status() == ContactRequestStatus.PENDING) {
                    (isFromMe(changed.request()) ? outgoing : incoming).add(changed.request());
                }
                requests = new ContactRequests(incoming, outgoing);
                ContactRequests snapshot = requests;
                listeners.fire(l -> l.onRequestsChanged(snapshot));
            }
            case ServerMessage.ContactAdded added -> added(added.contact());
            case ServerMessage.ContactRemoved removed -> removed(removed.userId());
            default -> { }
        }
    }

    private boolean isFromMe(ContactRequest request) {
        return selfId != null && request.from() != null && selfId.equals(request.from().userId());
    }

    private volatile String selfId;

    /** The signed-in user's id, to tell incoming requests from outgoing ones. */
    public void self(String userId) {
        this.selfId = userId;
    }

    private synchronized void added(Contact contact) {
        listStamp++;
        boolean isNew = contacts.put(contact.userId(), contact) == null;
        remember(new UserSummary(contact.userId(), contact.username(), contact.displayName()));
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
        if (contacts.remove(userId) != null) {
            presence.remove(userId);
            listeners.fire(l -> l.onContactRemoved(userId));
            fireContacts();
        }
    }

    private synchronized void onRequest(ContactRequest request) {
        remember(request.from());
        remember(request.to());
        listeners.fire(l -> l.onRequestEvent(request));
    }

    private void refreshRequests() {
        long listsBefore;
        synchronized (this) {
            listsBefore = listStamp;
        }
        ContactRequestList pending = api.contactRequests();
        synchronized (this) {
            if (listStamp != listsBefore) {
                return; // An event told something newer meanwhile.
            }
            requests = new ContactRequests(pending.incoming(), pending.outgoing());
            ContactRequests snapshot = requests;
            listeners.fire(l -> l.onRequestsChanged(snapshot));
        }
    }

    private ContactRequest findRequest(String ref, boolean incoming) {
        Optional<ContactRequest> found = matchRequest(ref, incoming);
        if (found.isEmpty()) {
            refreshRequests();
            found = matchRequest(ref, incoming);
        }
        return found.orElseThrow(() -> ApiException.server(404, ErrorCode.NOT_FOUND.wire(),
                "No pending request " + (incoming ? "from" : "to") + " '" + ref.strip() + "'. See 'contacts requests'.", Map.of()));
    }

    private synchronized Optional<ContactRequest> matchRequest(String ref, boolean incoming) {
        String name = ref.strip().toLowerCase(Locale.ROOT);
        List<ContactRequest> list = incoming ? requests.incoming() : requests.outgoing();
        return list.stream().filter(r -> r.requestId().equals(ref.strip())
                || (incoming ? r.from() : r.to()).username().equals(name)).findFirst();
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

    private void remember(UserSummary user) {
        if (user != null && user.userId() != null && user.username() != null) {
            users.put(user.userId(), user);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
