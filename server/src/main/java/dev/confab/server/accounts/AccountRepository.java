package dev.confab.server.accounts;

import dev.confab.protocol.rest.UserSummary;
import dev.confab.server.storage.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** SQL for the users table. Stateless; every method runs on the caller's connection. */
public final class AccountRepository {
    private static final String COLUMNS = "id, username, display_name, password_hash, created_at";

    public void insert(Connection c, UserRecord u) throws SQLException {
        Sql.update(c, "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", u.id(), u.username(),
                u.displayName(), u.passwordHash(), u.createdAt());
    }

    public Optional<UserRecord> byUsername(Connection c, String username) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE username = ?", AccountRepository::map, username);
    }

    public Optional<UserRecord> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", AccountRepository::map, id);
    }

    public Optional<UserSummary> summary(Connection c, String id) throws SQLException {
        return byId(c, id).map(UserRecord::summary);
    }

    /**
     * Locks the user's row until commit (an update that changes nothing), so transactions that count and add the
     * user's devices run one at a time on PostgreSQL too.
     */
    public void lock(Connection c, String id) throws SQLException {
        Sql.update(c, "UPDATE users SET username = username WHERE id = ?", id);
    }

    public void updatePasswordHash(Connection c, String id, String hash) throws SQLException {
        Sql.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", hash, id);
    }

    public void delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM users WHERE id = ?", id);
    }

    private static UserRecord map(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
    }
}
