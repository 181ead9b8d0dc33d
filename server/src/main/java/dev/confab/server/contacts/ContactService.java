package dev.confab.server.contacts;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.PresenceState;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.rest.Contact;
import dev.confab.protocol.rest.ContactList;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.rest.ContactRequestList;
import dev.confab.protocol.rest.ContactRequestStatus;
import dev.confab.protocol.rest.NewContactRequest;
import dev.confab.protocol.rest.PresenceInfo;
import dev.confab.protocol.rest.UserSummary;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.accounts.UserRecord;
import dev.confab.server.accounts.UsernameRules;
import dev.confab.server.calls.CallRelay;
import dev.confab.server.presence.PresenceService;
import dev.confab.server.sessions.Principal;
import dev.confab.server.storage.DataAccessException;
import dev.confab.server.storage.Database;
import dev.confab.server.support.IdGenerator;
import dev.confab.server.support.PlainText;
import dev.confab.server.ws.Notifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contact requests and the contact list. A request to someone who already asked the caller accepts both at
 * once. Only the recipient may accept or decline and only the sender may cancel; anyone else's request is
 * {@code 404 not_found}. Both sides hear every change as events. After a decline the same sender may not ask the
 * same user again for {@code declineCooldown}. Blocks are not revealed: a request to someone who blocked the
 * caller is stored as pending and answered as usual, but the blocker neither hears of it nor lists it until
 * unblocking. Removing a contact ends the calls between the two. Thread-safe.
 */
public final class ContactService {
    private final Database db;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final RequestRepository requests = new RequestRepository();
    private final PresenceService presence;
    private final CallRelay calls;
    private final Notifier notifier;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration declineCooldown;

    public ContactService(Database db, AccountRepository accounts, ContactRepository contacts, PresenceService presence,
            CallRelay calls, Notifier notifier, IdGenerator ids, Clock clock, Duration declineCooldown) {
        this.db = db;
        this.accounts = accounts;
        this.contacts = contacts;
        this.presence = presence;
        this.calls = calls;
        this.notifier = notifier;
        this.ids = ids;
        this.clock = clock;
        this.declineCooldown = declineCooldown;
    }

    public ContactList list(Principal p) {
        Map<String, PresenceInfo> presences = presence.ofContacts(p.userId());
        List<ContactRepository.Row> rows = db.read(c -> contacts.list(c, p.userId()));
        return new ContactList(rows.stream().map(r -> contact(r, presences.get(r.userId()))).toList());
    }

    public ContactRequestList pending(Principal p) {
        return db.read(c -> new ContactRequestList(view(c, requests.pendingTo(c, p.userId())),
                view(c, requests.pendingFrom(c, p.userId()))));
    }

    /** Asks a user to become a contact, or accepts their earlier request to the caller. */
    public ContactRequest request(Principal p, NewContactRequest body) {
        String message = PlainText.check(body.message(), "message");
        long now = clock.millis();
        List<ContactRequest> changed = new ArrayList<>();
        boolean[] hidden = new boolean[1];
        ContactRequest result;
        try {
            result = db.write(c -> {
                changed.clear();
                UserRecord target = target(c, body);
                if (target.id().equals(p.userId())) {
                    throw new ProtocolException(ErrorCode.INVALID_FIELD, "You cannot add yourself as a contact",
                            Map.of("field", body.userId() != null ? "userId" : "username"));
                }
                if (contacts.isBlocked(c, p.userId(), target.id())) {
                    throw new ProtocolException(ErrorCode.BLOCKED, "You blocked this user; unblock them first");
                }
                if (contacts.isContact(c, p.userId(), target.id())) {
                    throw new ProtocolException(ErrorCode.ALREADY_CONTACTS, "You are contacts already");
                }
                if (requests.pending(c, p.userId(), target.id()).isPresent()) {
                    throw new ProtocolException(ErrorCode.REQUEST_EXISTS, "You asked this user already");
                }
                // Someone who blocked the caller is asked as usual, but neither hears of it nor lists it.
                hidden[0] = contacts.isBlocked(c, target.id(), p.userId());
                var reverse = hidden[0] ? Optional.<RequestRecord>empty() : requests.pending(c, target.id(), p.userId());
                if (reverse.isEmpty()) {
                    requireCooledDown(c, p.userId(), target.id(), now);
                }
                ContactRequestStatus status = reverse.isPresent() ? ContactRequestStatus.ACCEPTED : ContactRequestStatus.PENDING;
                RequestRecord mine = new RequestRecord(ids.next("r"), p.userId(), target.id(), message, status, now);
                requests.insert(c, mine);
                if (reverse.isPresent()) {
                    requests.settle(c, reverse.get().id(), ContactRequestStatus.ACCEPTED, now);
                    contacts.add(c, p.userId(), target.id(), now);
                    changed.add(view(c, withStatus(reverse.get(), ContactRequestStatus.ACCEPTED)));
                }
                ContactRequest view = view(c, mine);
                changed.add(view);
                return view;
            });
        } catch (DataAccessException.UniqueViolation e) {
            throw new ProtocolException(ErrorCode.REQUEST_EXISTS, "You asked this user already");
        }
        if (hidden[0]) {
            notifier.toUser(p.userId(), new ServerMessage.ContactRequestChanged(result));
            return result;
        }
        changed.forEach(this::announce);
        if (result.status() == ContactRequestStatus.ACCEPTED) {
            announceContacts(p.userId(), result.to().userId());
        }
        return result;
    }

    /** The recipient accepts a pending request. */
    public Contact accept(Principal p, String requestId) {
        long now = clock.millis();
        ContactRequest settled = db.write(c -> {
            RequestRecord r = mineToSettle(c, requestId, p.userId(), true);
            if (contacts.isBlocked(c, p.userId(), r.fromUserId())) {
                throw new ProtocolException(ErrorCode.BLOCKED, "You blocked this user; unblock them first");
            }
            requests.settle(c, r.id(), ContactRequestStatus.ACCEPTED, now);
            contacts.add(c, r.fromUserId(), r.toUserId(), now);
            return view(c, withStatus(r, ContactRequestStatus.ACCEPTED));
        });
        announce(settled);
        return announceContacts(settled.to().userId(), settled.from().userId());
    }

    /** The recipient declines a pending request. */
    public void decline(Principal p, String requestId) {
        settle(p, requestId, true, ContactRequestStatus.DECLINED);
    }

    /** The sender cancels a pending request. */
    public void cancel(Principal p, String requestId) {
        settle(p, requestId, false, ContactRequestStatus.CANCELLED);
    }

    /** Removes a contact for both sides. */
    public void remove(Principal p, String userId) {
        boolean removed = db.write(c -> contacts.remove(c, p.userId(), userId));
        if (!removed) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such contact");
        }
        notifier.toUser(p.userId(), new ServerMessage.ContactRemoved(userId));
        notifier.toUser(userId, new ServerMessage.ContactRemoved(p.userId()));
        calls.endBetween(p.userId(), userId);
    }

    /** Deletes accepted, declined and cancelled requests last changed before {@code cutoff}; returns how many. */
    public int purgeSettledBefore(long cutoff) {
        return db.write(c -> requests.deleteSettledBefore(c, cutoff));
    }

    /** Cancels the blocker's pending request to the blocked user, in the caller's transaction (a block was placed). */
    Optional<ContactRequest> cancelPending(Connection c, String blocker, String blocked, long now) throws SQLException {
        Optional<RequestRecord> pending = requests.pending(c, blocker, blocked);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        requests.settle(c, pending.get().id(), ContactRequestStatus.CANCELLED, now);
        return Optional.of(view(c, withStatus(pending.get(), ContactRequestStatus.CANCELLED)));
    }

    /** The pending request {@code from} made to {@code to}, as {@code to} is about to see it again (unblocked). */
    Optional<ContactRequest> pendingRequest(Connection c, String from, String to) throws SQLException {
        Optional<RequestRecord> pending = requests.pending(c, from, to);
        return pending.isEmpty() ? Optional.empty() : Optional.of(view(c, pending.get()));
    }

    /** Tells both sides of a request that it changed. */
    void announce(ContactRequest r) {
        ServerMessage event = new ServerMessage.ContactRequestChanged(r);
        notifier.toUser(r.from().userId(), event);
        notifier.toUser(r.to().userId(), event);
    }

    private void settle(Principal p, String requestId, boolean asRecipient, ContactRequestStatus status) {
        long now = clock.millis();
        boolean[] hidden = new boolean[1];
        ContactRequest settled = db.write(c -> {
            RequestRecord r = mineToSettle(c, requestId, p.userId(), asRecipient);
            requests.settle(c, r.id(), status, now);
            hidden[0] = contacts.isBlocked(c, r.toUserId(), r.fromUserId());
            return view(c, withStatus(r, status));
        });
        if (hidden[0]) {
            notifier.toUser(settled.from().userId(), new ServerMessage.ContactRequestChanged(settled));
        } else {
            announce(settled);
        }
    }

    /** Refuses a request to a user who declined the caller less than {@code declineCooldown} ago. */
    private void requireCooledDown(Connection c, String from, String to, long now) throws SQLException {
        Optional<Long> declined = requests.lastDeclined(c, from, to);
        long waitMs = declined.map(at -> at + declineCooldown.toMillis() - now).orElse(0L);
        if (waitMs > 0) {
            long hours = Math.max(1, (waitMs + 3_599_999) / 3_600_000);
            throw new ProtocolException(ErrorCode.REQUEST_EXISTS, "This user declined your request; you can ask again in "
                    + hours + (hours == 1 ? " hour" : " hours"), Map.of("retryAfterSeconds", (waitMs + 999) / 1000));
        }
    }

    private RequestRecord mineToSettle(Connection c, String requestId, String userId, boolean asRecipient)
            throws SQLException {
        RequestRecord r = requests.byId(c, requestId)
                .filter(x -> (asRecipient ? x.toUserId() : x.fromUserId()).equals(userId))
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "No such contact request"));
        if (r.status() != ContactRequestStatus.PENDING) {
            throw new ProtocolException(ErrorCode.CONFLICT, "The request is " + r.status().wire() + " already");
        }
        return r;
    }

    /** Tells both new contacts about each other and shows each the other's presence; returns a's view of b. */
    private Contact announceContacts(String a, String b) {
        Contact bForA = contact(rowsByUser(a).get(b), presence.ofContacts(a).get(b));
        Contact aForB = contact(rowsByUser(b).get(a), presence.ofContacts(b).get(a));
        notifier.toUser(a, new ServerMessage.ContactAdded(bForA));
        notifier.toUser(b, new ServerMessage.ContactAdded(aForB));
        presence.show(a, b);
        presence.show(b, a);
        return bForA;
    }

    private Map<String, ContactRepository.Row> rowsByUser(String userId) {
        Map<String, ContactRepository.Row> out = new HashMap<>();
        db.read(c -> contacts.list(c, userId)).forEach(r -> out.put(r.userId(), r));
        return out;
    }

    private UserRecord target(Connection c, NewContactRequest body) throws SQLException {
        String username = body.username() == null ? null : UsernameRules.normalize(body.username());
        var user = body.userId() != null ? accounts.byId(c, body.userId())
                : UsernameRules.isValid(username) ? accounts.byUsername(c, username) : Optional.<UserRecord>empty();
        return user.orElseThrow(() -> new ProtocolException(ErrorCode.USER_NOT_FOUND, "No user has that name"));
    }

    private List<ContactRequest> view(Connection c, List<RequestRecord> records) throws SQLException {
        List<ContactRequest> out = new ArrayList<>();
        for (RequestRecord r : records) {
            out.add(view(c, r));
        }
        return out;
    }

    private ContactRequest view(Connection c, RequestRecord r) throws SQLException {
        UserSummary from = accounts.summary(c, r.fromUserId()).orElseThrow();
        UserSummary to = accounts.summary(c, r.toUserId()).orElseThrow();
        return new ContactRequest(r.id(), from, to, r.message(), r.status(), r.createdAt());
    }

    private static RequestRecord withStatus(RequestRecord r, ContactRequestStatus status) {
        return new RequestRecord(r.id(), r.fromUserId(), r.toUserId(), r.message(), status, r.createdAt());
    }

    private static Contact contact(ContactRepository.Row r, PresenceInfo presence) {
        PresenceInfo shown = presence == null ? new PresenceInfo(PresenceState.OFFLINE, 0) : presence;
        return new Contact(r.userId(), r.username(), r.displayName(), r.since(), r.blockedByOwner(), shown);
    }
}
