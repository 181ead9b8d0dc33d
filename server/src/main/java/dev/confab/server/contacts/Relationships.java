package dev.confab.server.contacts;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.storage.Database;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The rule for messaging and calling: the other user exists, the two are contacts, and no block stands between
 * them. Thread-safe.
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
            throw new ProtocolException(ErrorCode.NOT_CONTACTS, "You can only do this with your contacts");
        }
        if (contacts.isBlockedEither(c, userId, otherUserId)) {
            throw new ProtocolException(ErrorCode.BLOCKED, "One of you blocked the other");
        }
    }

    /** Whether {@code viewer} may fetch {@code owner}'s keys: self, a contact, or a pending request either way. */
    public boolean mayFetchKeys(Connection c, String viewer, String owner) throws SQLException {
        return viewer.equals(owner) || contacts.isContact(c, viewer, owner)
                || dev.confab.server.storage.Sql.exists(c, "SELECT 1 FROM contact_requests WHERE status = 'pending' AND"
                        + " ((from_user_id = ? AND to_user_id = ?) OR (from_user_id = ? AND to_user_id = ?))",
                        viewer, owner, owner, viewer);
    }
}
