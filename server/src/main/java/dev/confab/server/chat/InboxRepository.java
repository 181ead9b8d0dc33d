package dev.confab.server.chat;

import dev.confab.protocol.inbox.InboxEntry;
import dev.confab.protocol.inbox.InboxItem;
import dev.confab.protocol.inbox.InboxMessage;
import dev.confab.protocol.inbox.InboxReceipt;
import dev.confab.protocol.inbox.ReceiptStatus;
import dev.confab.server.storage.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * SQL for the per-device inboxes. Sequence numbers come from {@code devices.inbox_next_seq}: a writer locks the
 * device's row with an {@code UPDATE ... RETURNING} that reads the next number, inserts, and moves the number on,
 * all before commit, so for one device the sequence numbers become visible in order and without gaps.
 * Acknowledgements delete a prefix, so a device's items are always one contiguous run. Stateless; every method
 * runs on the caller's connection.
 */
final class InboxRepository {
    /** An item removed by an acknowledgement. */
    record Acked(String kind, String messageId, String fromUserId, String recipientUserId) {}

    private static final String COLUMNS = "seq, kind, message_id, from_user_id, from_device_id, recipient_user_id,"
            + " ciphertext, receipt_status, created_at";

    /**
     * Locks the device's row until commit and returns its next sequence number. A transaction that locks several
     * devices must do so in ascending id order (see {@link InboxAppender}).
     */
    long lockNextSeq(Connection c, String deviceId) throws SQLException {
        return Sql.one(c, "UPDATE devices SET inbox_next_seq = inbox_next_seq WHERE id = ? RETURNING inbox_next_seq",
                rs -> rs.getLong(1), deviceId).orElseThrow(() -> new SQLException("no device " + deviceId));
    }

    /** Moves the device's next sequence number on to {@code nextSeq} (its row is locked already). */
    void setNextSeq(Connection c, String deviceId, long nextSeq) throws SQLException {
        Sql.update(c, "UPDATE devices SET inbox_next_seq = ? WHERE id = ?", nextSeq, deviceId);
    }

    /** How many items wait in the device's inbox, given its next sequence number: the run from the oldest. */
    long size(Connection c, String deviceId, long nextSeq) throws SQLException {
        return Sql.one(c, "SELECT MIN(seq) FROM inbox WHERE device_id = ?",
                rs -> rs.getObject(1) == null ? null : rs.getLong(1), deviceId).map(oldest -> nextSeq - oldest).orElse(0L);
    }

    void insertMessage(Connection c, String deviceId, long seq, String messageId, String fromUserId,
            String fromDeviceId, String recipientUserId, byte[] ciphertext, long at) throws SQLException {
        Sql.update(c, "INSERT INTO inbox (device_id, seq, kind, message_id, from_user_id, from_device_id,"
                + " recipient_user_id, ciphertext, receipt_status, created_at) VALUES (?, ?, 'message', ?, ?, ?, ?, ?, ?, ?)",
                deviceId, seq, messageId, fromUserId, fromDeviceId, recipientUserId, ciphertext, Sql.NULL_TEXT, at);
    }

    void insertReceipt(Connection c, String deviceId, long seq, String messageId, String byUserId,
            ReceiptStatus status, long at) throws SQLException {
        Sql.update(c, "INSERT INTO inbox (device_id, seq, kind, message_id, from_user_id, from_device_id,"
                + " recipient_user_id, ciphertext, receipt_status, created_at) VALUES (?, ?, 'receipt', ?, ?, ?, ?, ?, ?, ?)",
                deviceId, seq, messageId, byUserId, Sql.NULL_TEXT, Sql.NULL_TEXT, Sql.NULL_BYTES, status.wire(), at);
    }

    /** Up to {@code limit} items with a sequence number above {@code afterSeq}, oldest first. */
    List<InboxEntry> after(Connection c, String deviceId, long afterSeq, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM inbox WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                InboxRepository::entry, deviceId, afterSeq, limit);
    }

    /** Deletes the items up to and including {@code upToSeq}, ciphertext and all; returns what was deleted. */
    List<Acked> ack(Connection c, String deviceId, long upToSeq) throws SQLException {
        return Sql.list(c, "DELETE FROM inbox WHERE device_id = ? AND seq <= ?"
                + " RETURNING kind, message_id, from_user_id, recipient_user_id",
                rs -> new Acked(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), deviceId, upToSeq);
    }

    private static InboxEntry entry(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        InboxItem item = switch (rs.getString(2)) {
            case "message" -> new InboxMessage(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    Base64.getEncoder().encodeToString(rs.getBytes(7)), rs.getLong(9));
            case "receipt" -> new InboxReceipt(rs.getString(3), rs.getString(4),
                    ReceiptStatus.valueOf(rs.getString(8).toUpperCase(Locale.ROOT)), rs.getLong(9));
            default -> throw new SQLException("unknown inbox item kind " + rs.getString(2));
        };
        return new InboxEntry(seq, item);
    }
}
