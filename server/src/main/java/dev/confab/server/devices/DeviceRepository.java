package dev.confab.server.devices;

import dev.confab.protocol.PresenceState;
import dev.confab.server.storage.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * SQL for the devices table. Lists of device ids come sorted by id: chat transactions lock device rows in that order
 * (see the chat package). Stateless; every method runs on the caller's connection.
 */
public final class DeviceRepository {
    /** A device and the user it belongs to. */
    public record Owned(String deviceId, String userId) {}

    private static final String UNUSED = "d.last_seen_at < ? AND NOT EXISTS (SELECT 1 FROM sessions s"
            + " WHERE s.device_id = d.id AND s.last_used_at >= ?)";
    private static final String COLUMNS = "id, user_id, name, created_at, last_seen_at, presence, identity_key,"
            + " agreement_key, agreement_key_signature";

    public void insert(Connection c, String id, String userId, String name, long now) throws SQLException {
        Sql.update(c, "INSERT INTO devices (id, user_id, name, created_at, last_seen_at, presence, inbox_next_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, 1)", id, userId, name, now, now, PresenceState.ONLINE.wire());
    }

    public Optional<DeviceRecord> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM devices WHERE id = ?", DeviceRepository::map, id);
    }

    public List<DeviceRecord> listForUser(Connection c, String userId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM devices WHERE user_id = ? ORDER BY created_at, id",
                DeviceRepository::map, userId);
    }

    /** Ids of the user's devices that uploaded keys: the devices a message must be sealed for. */
    public List<String> keyedDeviceIds(Connection c, String userId) throws SQLException {
        return Sql.list(c, "SELECT id FROM devices WHERE user_id = ? AND identity_key IS NOT NULL ORDER BY id",
                rs -> rs.getString(1), userId);
    }

    /** How many devices the user has. */
    public int count(Connection c, String userId) throws SQLException {
        return Sql.one(c, "SELECT COUNT(*) FROM devices WHERE user_id = ?", rs -> rs.getInt(1), userId).orElse(0);
    }

    /** Devices that did not connect since {@code cutoff} and have no session used since then, by id. */
    public List<Owned> unusedSince(Connection c, long cutoff) throws SQLException {
        return Sql.list(c, "SELECT d.id, d.user_id FROM devices d WHERE " + UNUSED + " ORDER BY d.id",
                rs -> new Owned(rs.getString(1), rs.getString(2)), cutoff, cutoff);
    }

    /** Whether the device is still one of {@link #unusedSince}. */
    public boolean isUnusedSince(Connection c, String deviceId, long cutoff) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM devices d WHERE d.id = ? AND " + UNUSED, deviceId, cutoff, cutoff);
    }

    public void setKeys(Connection c, String id, byte[] identity, byte[] agreement, byte[] signature)
            throws SQLException {
        Sql.update(c, "UPDATE devices SET identity_key = ?, agreement_key = ?, agreement_key_signature = ? WHERE id = ?",
                identity, agreement, signature, id);
    }

    public void setPresence(Connection c, String id, PresenceState state) throws SQLException {
        Sql.update(c, "UPDATE devices SET presence = ? WHERE id = ?", state.wire(), id);
    }

    public void setLastSeen(Connection c, String id, long now) throws SQLException {
        Sql.update(c, "UPDATE devices SET last_seen_at = ? WHERE id = ?", now, id);
    }

    /** The latest last-seen time over the user's devices, 0 when none. */
    public long lastSeen(Connection c, String userId) throws SQLException {
        return Sql.one(c, "SELECT MAX(last_seen_at) FROM devices WHERE user_id = ?", rs -> rs.getLong(1), userId)
                .orElse(0L);
    }

    public void delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM devices WHERE id = ?", id);
    }

    private static DeviceRecord map(ResultSet rs) throws SQLException {
        return new DeviceRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                PresenceState.fromWire(rs.getString(6)), rs.getBytes(7), rs.getBytes(8), rs.getBytes(9));
    }
}
