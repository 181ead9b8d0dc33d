package dev.confab.server.contacts;

import dev.confab.protocol.rest.UserSummary;
import dev.confab.server.storage.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL for the contacts table (one row per direction) and the blocks table. Stateless; every method runs on the
 * caller's connection.
 */
public final class ContactRepository {
    /** A contact row joined with the user it names and whether the owner blocked them. */
    public record Row(String userId, String username, String displayName, long since, boolean blockedByOwner) {}

    public boolean isContact(Connection c, String a, String b) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM contacts WHERE user_id = ? AND contact_id = ?", a, b);
    }

    /** Whether {@code blocker} blocked {@code blocked} (one direction). */
    public boolean isBlocked(Connection c, String blocker, String blocked) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM blocks WHERE blocker_id = ? AND blocked_id = ?", blocker, blocked);
    }

    public boolean isBlockedEither(Connection c, String a, String b) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM blocks WHERE (blocker_id = ? AND blocked_id = ?)"
                + " OR (blocker_id = ? AND blocked_id = ?)", a, b, b, a);
    }

    /** Adds both directions; does nothing for a direction that exists. */
    public void add(Connection c, String a, String b, long now) throws SQLException {
        Sql.update(c, "INSERT INTO contacts (user_id, contact_id, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", a, b, now);
        Sql.update(c, "INSERT INTO contacts (user_id, contact_id, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", b, a, now);
    }

    /** Removes both directions; returns whether they were contacts. */
    public boolean remove(Connection c, String a, String b) throws SQLException {
        int n = Sql.update(c, "DELETE FROM contacts WHERE (user_id = ? AND contact_id = ?) OR (user_id = ? AND contact_id = ?)",
                a, b, b, a);
        return n > 0;
    }

    public List<String> contactIds(Connection c, String userId) throws SQLException {
        return Sql.list(c, "SELECT contact_id FROM contacts WHERE user_id = ?", rs -> rs.getString(1), userId);
    }

    /** Contacts with no block standing between them and the user: who may see the user's presence. */
    public List<String> visibleContactIds(Connection c, String userId) throws SQLException {
        return Sql.list(c, "SELECT k.contact_id FROM contacts k WHERE k.user_id = ? AND NOT EXISTS (SELECT 1 FROM"
                + " blocks b WHERE (b.blocker_id = k.user_id AND b.blocked_id = k.contact_id)"
                + " OR (b.blocker_id = k.contact_id AND b.blocked_id = k.user_id))", rs -> rs.getString(1), userId);
    }

    public List<Row> list(Connection c, String userId) throws SQLException {
        return Sql.list(c, "SELECT u.id, u.username, u.display_name, k.since,"
                + " CASE WHEN EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = k.user_id AND b.blocked_id = k.contact_id)"
                + " THEN 1 ELSE 0 END"
                + " FROM contacts k JOIN users u ON u.id = k.contact_id WHERE k.user_id = ? ORDER BY u.username",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5) == 1),
                userId);
    }

    /** The latest last-seen time of each contact's devices, by contact id. */
    public Map<String, Long> lastSeenOfContacts(Connection c, String userId) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (var row : Sql.list(c, "SELECT d.user_id, MAX(d.last_seen_at) FROM devices d WHERE d.user_id IN"
                + " (SELECT contact_id FROM contacts WHERE user_id = ?) GROUP BY d.user_id",
                rs -> Map.entry(rs.getString(1), rs.getLong(2)), userId)) {
            out.put(row.getKey(), row.getValue());
        }
        return out;
    }

    /** Adds a block; returns false when it existed. */
    public boolean block(Connection c, String blocker, String blocked, long now) throws SQLException {
        return Sql.update(c, "INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                blocker, blocked, now) > 0;
    }

    /** Removes a block; returns false when there was none. */
    public boolean unblock(Connection c, String blocker, String blocked) throws SQLException {
        return Sql.update(c, "DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?", blocker, blocked) > 0;
    }

    /** Users the blocker blocked, as (id, username, display name). */
    public List<UserSummary> blocked(Connection c, String blocker) throws SQLException {
        return Sql.list(c, "SELECT u.id, u.username, u.display_name FROM blocks b JOIN users u ON u.id = b.blocked_id"
                + " WHERE b.blocker_id = ? ORDER BY u.username",
                rs -> new UserSummary(rs.getString(1), rs.getString(2), rs.getString(3)), blocker);
    }
}
