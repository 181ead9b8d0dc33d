package dev.confab.server.contacts;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.rest.BlockList;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.calls.CallRelay;
import dev.confab.server.presence.PresenceService;
import dev.confab.server.sessions.Principal;
import dev.confab.server.storage.Database;
import dev.confab.server.ws.Notifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Blocks. While a block stands, the blocker cannot request, message, call or see the presence of the blocked user
 * ({@code blocked}), and the blocked user is not told: to them the blocker looks like someone who is not their
 * contact ({@code not_contacts} for messages and calls), their requests to the blocker seem to stay pending, and the
 * blocker shows offline. Contact rows stay, and unblocking restores everything (and shows the blocker any request
 * made meanwhile). Placing a block cancels the blocker's pending request to the other, ends any call between the
 * two as if the blocker hung up or declined, and hides each one's presence from the other. Thread-safe.
 */
public final class BlockService {
    private final Database db;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final ContactService contactService;
    private final PresenceService presence;
    private final CallRelay calls;
    private final Notifier notifier;
    private final Clock clock;

    public BlockService(Database db, AccountRepository accounts, ContactRepository contacts,
            ContactService contactService, PresenceService presence, CallRelay calls, Notifier notifier, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.contacts = contacts;
        this.contactService = contactService;
        this.presence = presence;
        this.calls = calls;
        this.notifier = notifier;
        this.clock = clock;
    }

    public BlockList list(Principal p) {
        return new BlockList(db.read(c -> contacts.blocked(c, p.userId())));
    }

    public void block(Principal p, String userId) {
        long now = clock.millis();
        List<ContactRequest> cancelled = new ArrayList<>();
        boolean areContacts = db.write(c -> {
            cancelled.clear();
            requireOther(c, p, userId);
            contacts.block(c, p.userId(), userId, now);
            contactService.cancelPending(c, p.userId(), userId, now).ifPresent(cancelled::add);
            return contacts.isContact(c, p.userId(), userId);
        });
        cancelled.forEach(contactService::announce);
        calls.endBetween(p.userId(), userId);
        if (areContacts) {
            presence.hide(p.userId(), userId);
            presence.hide(userId, p.userId());
        }
    }

    public void unblock(Principal p, String userId) {
        List<ContactRequest> shown = new ArrayList<>();
        boolean restored = db.write(c -> {
            shown.clear();
            requireOther(c, p, userId);
            boolean removed = contacts.unblock(c, p.userId(), userId);
            if (removed) {
                contactService.pendingRequest(c, userId, p.userId()).ifPresent(shown::add);
            }
            return removed && contacts.isContact(c, p.userId(), userId) && !contacts.isBlockedEither(c, p.userId(), userId);
        });
        shown.forEach(r -> notifier.toUser(p.userId(), new ServerMessage.ContactRequestChanged(r)));
        if (restored) {
            presence.show(p.userId(), userId);
            presence.show(userId, p.userId());
        }
    }

    private void requireOther(Connection c, Principal p, String userId) throws SQLException {
        if (userId.equals(p.userId())) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "You cannot block yourself", Map.of("field", "userId"));
        }
        if (accounts.byId(c, userId).isEmpty()) {
            throw new ProtocolException(ErrorCode.USER_NOT_FOUND, "No such user");
        }
    }
}
