package dev.confab.server.contacts;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.storage.Database;
import dev.confab.server.storage.Sql;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The rules for messaging, calling and fetching keys: the other user exists, the two are contacts, and no block
 * stands between them. A block is not revealed to the blocked user: towards the blocker they get
 * {@code not_contacts}, as if the blocker had removed them; only the blocker hears {@code blocked}. Thread-safe.
 */
public final class Relationships {
    private final Database db;
    private final AccountRepository accounts;
    private final ContactRepository contacts;

    public Relationships(Database db, AccountRepository accounts, ContactRepository contacts) {
        this.db = db;
        this.accounts = accounts;
        this.contacts = contacts;
    }

    /** Throws {@code user_not_found}, {@code not_contacts} or {@code blocked} unless the two may interact. */
    public void requireMayInteract(String userId, String otherUserId) {
        db.read(c -> {
            requireMayInteract(c, userId, otherUserId);
            return null;
        });
    }

    /** The same check on the caller's connection. */
    public void requireMayInteract(Connection c, String userId, String otherUserId) throws SQLException {
        if (userId.equals(otherUserId) || !contacts.isContact(c, userId, otherUserId)) {
            if (accounts.byId(c, otherUserId).isEmpty()) {
                throw new ProtocolException(ErrorCode.USER_NOT_FOUND, "No such user");
            }
            throw notContacts();
        }
        if (contacts.isBlocked(c, userId, otherUserId)) {
            throw new ProtocolException(ErrorCode.BLOCKED, "You blocked this user; unblock them first");
        }
        if (contacts.isBlocked(c, otherUserId, userId)) {
            throw notContacts();
        }
    }

    /**
     * Whether {@code viewer} may fetch {@code owner}'s keys: self, a contact, or the recipient of a pending request
     * from the owner (to check who asks before accepting). Asking someone does not reveal their devices.
     */
    public boolean mayFetchKeys(Connection c, String viewer, String owner) throws SQLException {
        return viewer.equals(owner) || contacts.isContact(c, viewer, owner)
                || Sql.exists(c, "SELECT 1 FROM contact_requests WHERE status = 'pending' AND from_user_id = ?"
                        + " AND to_user_id = ?", owner, viewer);
    }

    private static ProtocolException notContacts() {
        return new ProtocolException(ErrorCode.NOT_CONTACTS, "You can only do this with your contacts");
    }
}
