package dev.confab.server.contacts;

import dev.confab.protocol.rest.ContactRequestStatus;
import dev.confab.server.storage.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SQL for the contact_requests table. A pending request from a user the recipient blocked stays pending but is
 * left out of the recipient's incoming list. Stateless; every method runs on the caller's connection.
 */
final class RequestRepository {
    private static final String COLUMNS = "id, from_user_id, to_user_id, message, status, created_at";
    private static final String PENDING = "pending";

    void insert(Connection c, RequestRecord r) throws SQLException {
        Sql.update(c, "INSERT INTO contact_requests (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.fromUserId(), r.toUserId(), r.message() == null ? Sql.NULL_TEXT : r.message(),
                wire(r.status()), r.createdAt(), r.createdAt());
    }

    Optional<RequestRecord> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM contact_requests WHERE id = ?", RequestRepository::map, id);
    }

    Optional<RequestRecord> pending(Connection c, String from, String to) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM contact_requests WHERE from_user_id = ? AND to_user_id = ?"
                + " AND status = ?", RequestRepository::map, from, to, PENDING);
    }

    /** Pending requests to the user, except those from users the user blocked. */
    List<RequestRecord> pendingTo(Connection c, String userId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM contact_requests r WHERE to_user_id = ? AND status = ?"
                + " AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = r.to_user_id"
                + " AND b.blocked_id = r.from_user_id) ORDER BY created_at", RequestRepository::map, userId, PENDING);
    }

    List<RequestRecord> pendingFrom(Connection c, String userId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM contact_requests WHERE from_user_id = ? AND status = ?"
                + " ORDER BY created_at", RequestRepository::map, userId, PENDING);
    }

    /** Moves a pending request to {@code status}; returns false when it was not pending any more. */
    boolean settle(Connection c, String id, ContactRequestStatus status, long now) throws SQLException {
        return Sql.update(c, "UPDATE contact_requests SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                wire(status), now, id, PENDING) > 0;
    }

    /** When {@code to} last declined a request from {@code from}, if they ever did (and it was not purged). */
    Optional<Long> lastDeclined(Connection c, String from, String to) throws SQLException {
        return Sql.one(c, "SELECT MAX(updated_at) FROM contact_requests WHERE from_user_id = ? AND to_user_id = ?"
                + " AND status = ?", rs -> rs.getObject(1) == null ? null : rs.getLong(1), from, to,
                wire(ContactRequestStatus.DECLINED));
    }

    /** Deletes accepted, declined and cancelled requests last changed before {@code cutoff}; returns how many. */
    int deleteSettledBefore(Connection c, long cutoff) throws SQLException {
        return Sql.update(c, "DELETE FROM contact_requests WHERE status <> ? AND updated_at < ?", PENDING, cutoff);
    }

    private static String wire(ContactRequestStatus status) {
        return status.wire();
    }

    private static RequestRecord map(ResultSet rs) throws SQLException {
        return new RequestRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                ContactRequestStatus.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), rs.getLong(6));
    }
}
