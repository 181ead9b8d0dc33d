package dev.confab.server.contacts;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.rest.BlockList;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.presence.PresenceService;
import dev.confab.server.sessions.Principal;
import dev.confab.server.storage.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks. While a block stands (either way) neither user can request, message, call or see the other's presence;
 * contact rows stay, and unblocking restores everything. Placing a block cancels pending requests between the
 * two and hides each one's presence from the other. Thread-safe.
 */
public final class BlockService {
    private final Database db;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final ContactService contactService;
    private final PresenceService presence;
    private final Clock clock;

    public BlockService(Database db, AccountRepository accounts, ContactRepository contacts,
            ContactService contactService, PresenceService presence, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.contacts = contacts;
        this.contactService = contactService;
        this.presence = presence;
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
            cancelled.addAll(contactService.cancelBetween(c, p.userId(), userId, now));
            return contacts.isContact(c, p.userId(), userId);
        });
        cancelled.forEach(contactService::announce);
        if (areContacts) {
            presence.hide(p.userId(), userId);
            presence.hide(userId, p.userId());
        }
    }

    public void unblock(Principal p, String userId) {
        boolean restored = db.write(c -> {
            requireOther(c, p, userId);
            boolean removed = contacts.unblock(c, p.userId(), userId);
            return removed && contacts.isContact(c, p.userId(), userId) && !contacts.isBlockedEither(c, p.userId(), userId);
        });
        if (restored) {
            presence.show(p.userId(), userId);
            presence.show(userId, p.userId());
        }
    }

    private void requireOther(java.sql.Connection c, Principal p, String userId) throws java.sql.SQLException {
        if (userId.equals(p.userId())) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "You cannot block yourself",
                    java.util.Map.of("field", "userId"));
        }
        if (accounts.byId(c, userId).isEmpty()) {
            throw new ProtocolException(ErrorCode.USER_NOT_FOUND, "No such user");
        }
    }
}
