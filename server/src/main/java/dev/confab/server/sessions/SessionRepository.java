package dev.confab.server.sessions;

import dev.confab.protocol.rest.SessionInfo;
import dev.confab.server.storage.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for the sessions table. Stateless; every method runs on the caller's connection. */
final class SessionRepository {
    private static final String COLUMNS = "id, user_id, device_id, created_at, last_used_at, expires_at";

    void insert(Connection c, SessionRecord s, String tokenHash) throws SQLException {
        Sql.update(c, "INSERT INTO sessions (" + COLUMNS + ", token_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.userId(), s.deviceId(), s.createdAt(), s.lastUsedAt(), s.expiresAt(), tokenHash);
    }

    Optional<SessionRecord> byTokenHash(Connection c, String tokenHash) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM sessions WHERE token_hash = ?", SessionRepository::map, tokenHash);
    }

    void touch(Connection c, String id, long now) throws SQLException {
        Sql.update(c, "UPDATE sessions SET last_used_at = ? WHERE id = ?", now, id);
    }

    List<SessionInfo> listForUser(Connection c, String userId, String currentSessionId) throws SQLException {
        return Sql.list(c, "SELECT s.id, s.device_id, d.name, s.created_at, s.last_used_at, s.expires_at"
                + " FROM sessions s JOIN devices d ON d.id = s.device_id WHERE s.user_id = ? ORDER BY s.created_at",
                rs -> new SessionInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getString(1).equals(currentSessionId)), userId);
    }

    Optional<SessionRecord> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM sessions WHERE id = ?", SessionRepository::map, id);
    }

    void delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM sessions WHERE id = ?", id);
    }

    /** Deletes every session of the user except {@code keep}; returns the deleted ids. */
    List<String> deleteForUserExcept(Connection c, String userId, String keep) throws SQLException {
        return Sql.list(c, "DELETE FROM sessions WHERE user_id = ? AND id <> ? RETURNING id", rs -> rs.getString(1),
                userId, keep);
    }

    /** Deletes every session of the device except {@code keep}; returns the deleted ids. */
    List<String> deleteForDeviceExcept(Connection c, String deviceId, String keep) throws SQLException {
        return Sql.list(c, "DELETE FROM sessions WHERE device_id = ? AND id <> ? RETURNING id", rs -> rs.getString(1),
                deviceId, keep);
    }

    /** Ids of every session of a user (before the user is deleted). */
    List<String> idsForUser(Connection c, String userId) throws SQLException {
        return Sql.list(c, "SELECT id FROM sessions WHERE user_id = ?", rs -> rs.getString(1), userId);
    }

    /** Ids of every session of a device (before the device is deleted). */
    List<String> idsForDevice(Connection c, String deviceId) throws SQLException {
        return Sql.list(c, "SELECT id FROM sessions WHERE device_id = ?", rs -> rs.getString(1), deviceId);
    }

    int deleteExpired(Connection c, long now) throws SQLException {
        return Sql.update(c, "DELETE FROM sessions WHERE expires_at <= ?", now);
    }

    private static SessionRecord map(ResultSet rs) throws SQLException {
        return new SessionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }
}
