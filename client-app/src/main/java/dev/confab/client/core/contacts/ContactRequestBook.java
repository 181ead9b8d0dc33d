package dev.confab.client.core.contacts;

import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.rest.Contact;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.rest.ContactRequestList;
import dev.confab.protocol.rest.ContactRequestStatus;
import dev.confab.protocol.rest.NewContactRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pending contact requests, both ways, and the actions on them: ask, accept, decline, cancel.
 *
 * <p>Thread-safe: its state is guarded by the owning {@link ContactsService}'s monitor, so requests, contacts and
 * presence change (and are reported) in one order; the actions call the server outside it.
 */
final class ContactRequestBook {
    private final ContactsService owner;
    private final ConfabApi api;
    private final ListenerSet<ContactsListener> listeners;
    private final UserDirectory users;
    private ContactRequests requests = ContactRequests.NONE;
    /** Each request's latest event, by request id. */
    private final LatestEvents<ContactRequest> latestEvents = new LatestEvents<>();
    private volatile String selfId;

    ContactRequestBook(ContactsService owner, ConfabApi api, ListenerSet<ContactsListener> listeners, UserDirectory users) {
        this.owner = owner;
        this.api = api;
        this.listeners = listeners;
        this.users = users;
    }

    /** The signed-in user's id, to tell incoming requests from outgoing ones. */
    void self(String userId) {
        this.selfId = userId;
    }

    ContactRequests snapshot() {
        synchronized (owner) {
            return requests;
        }
    }

    /** Replaces the requests with what the server said, without telling listeners (the owner holds its monitor). */
    void replace(ContactRequestList pending, long readStamp) {
        requests = new ContactRequests(pending.incoming(), pending.outgoing());
        for (ContactRequest changed : latestEvents.newerThan(readStamp).values()) {
            requests = applied(requests, changed);
        }
        requests.incoming().forEach(r -> users.remember(r.from()));
        requests.outgoing().forEach(r -> users.remember(r.to()));
    }

    /** Tells listeners the current requests (the owner holds its monitor). */
    void fireChanged() {
        ContactRequests snapshot = requests;
        listeners.fire(l -> l.onRequestsChanged(snapshot));
    }

    /**
     * A {@code contact.request} event, the {@code stamp}-th list event (the owner holds its monitor); a read of the
     * requests that began before it does not undo it ({@link #replace}).
     */
    void onChanged(ContactRequest changed, long stamp) {
        announce(changed);
        latestEvents.put(changed.requestId(), stamp, changed);
        requests = applied(requests, changed);
        fireChanged();
    }

    private ContactRequests applied(ContactRequests current, ContactRequest changed) {
        List<ContactRequest> incoming = new ArrayList<>(current.incoming());
        List<ContactRequest> outgoing = new ArrayList<>(current.outgoing());
        incoming.removeIf(r -> r.requestId().equals(changed.requestId()));
        outgoing.removeIf(r -> r.requestId().equals(changed.requestId()));
        if (changed.status() == ContactRequestStatus.PENDING) {
            (isFromMe(changed) ? outgoing : incoming).add(changed);
        }
        return new ContactRequests(incoming, outgoing);
    }

    /** Asks {@code username} to become a contact; when they had asked already, both are contacts at once. */
    ContactRequest add(String username, String message) {
        ContactRequest request = api.requestContact(new NewContactRequest(username.strip(), null, blankToNull(message)));
        synchronized (owner) {
            announce(request);
        }
        if (request.status() == ContactRequestStatus.ACCEPTED) {
            owner.refresh();
        } else {
            refresh();
        }
        return request;
    }

    /** Accepts the incoming request named by the requester's username or the request id; returns the new contact. */
    Contact accept(String usernameOrRequestId) {
        Contact contact = api.acceptRequest(find(usernameOrRequestId, true).requestId());
        owner.added(contact);
        refresh();
        return contact;
    }

    void decline(String usernameOrRequestId) {
        api.declineRequest(find(usernameOrRequestId, true).requestId());
        refresh();
    }

    void cancel(String usernameOrRequestId) {
        api.cancelRequest(find(usernameOrRequestId, false).requestId());
        refresh();
    }

    /** Re-reads the pending requests, unless an event told something newer while the read was in flight. */
    void refresh() {
        long listsBefore = owner.listStamp();
        ContactRequestList pending = api.contactRequests();
        synchronized (owner) {
            if (owner.listStamp() != listsBefore) {
                return;
            }
            requests = new ContactRequests(pending.incoming(), pending.outgoing());
            fireChanged();
        }
    }

    private void announce(ContactRequest request) {
        users.remember(request.from());
        users.remember(request.to());
        listeners.fire(l -> l.onRequestEvent(request));
    }

    private ContactRequest find(String ref, boolean incoming) {
        Optional<ContactRequest> found = match(ref, incoming);
        if (found.isEmpty()) {
            refresh();
            found = match(ref, incoming);
        }
        return found.orElseThrow(() -> ApiException.server(404, ErrorCode.NOT_FOUND.wire(),
                "No pending request " + (incoming ? "from" : "to") + " '" + ref.strip() + "'. See 'contacts requests'.", Map.of()));
    }

    private Optional<ContactRequest> match(String ref, boolean incoming) {
        String name = UserDirectory.normalize(ref);
        List<ContactRequest> list = incoming ? snapshot().incoming() : snapshot().outgoing();
        return list.stream().filter(r -> r.requestId().equals(ref.strip())
                || (incoming ? r.from() : r.to()).username().equals(name)).findFirst();
    }

    private boolean isFromMe(ContactRequest request) {
        return selfId != null && request.from() != null && selfId.equals(request.from().userId());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
