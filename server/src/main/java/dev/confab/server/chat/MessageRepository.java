package dev.confab.server.chat;

import dev.confab.protocol.rest.MessageMeta;
import dev.confab.server.storage.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * SQL for message metadata (never content). A conversation is keyed by its two user ids, smaller first, so one
 * index serves both directions. Stateless; every method runs on the caller's connection.
 */
final class MessageRepository {
    /** A position in a conversation, newest first: the page cursor. */
    record Position(long serverTimestamp, String messageId, String senderUserId) {}

    private static final String COLUMNS = "message_id, sender_user_id, recipient_user_id, server_timestamp,"
            + " delivered_at, read_at";

    static String conversation(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }

    void insert(Connection c, String senderUserId, String messageId, String senderDeviceId, String recipientUserId,
            long at) throws SQLException {
        Sql.update(c, "INSERT INTO messages (sender_user_id, message_id, sender_device_id, recipient_user_id,"
                + " conversation, server_timestamp, delivered_at, read_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)",
                senderUserId, messageId, senderDeviceId, recipientUserId, conversation(senderUserId, recipientUserId), at);
    }

    /** The server timestamp of a message the sender sent before, if any (idempotent resend). */
    Optional<Long> timestamp(Connection c, String senderUserId, String messageId) throws SQLException {
        return Sql.one(c, "SELECT server_timestamp FROM messages WHERE sender_user_id = ? AND message_id = ?",
                rs -> rs.getLong(1), senderUserId, messageId);
    }

    /** Marks a message delivered unless it was; returns whether this call did (first device to acknowledge). */
    boolean markDelivered(Connection c, String senderUserId, String messageId, long at) throws SQLException {
        return Sql.update(c, "UPDATE messages SET delivered_at = ? WHERE sender_user_id = ? AND message_id = ?"
                + " AND delivered_at = 0", at, senderUserId, messageId) > 0;
    }

    /** Marks a message to {@code recipientUserId} read unless it was; returns its sender when this call did. */
    Optional<String> markRead(Connection c, String recipientUserId, String messageId, long at) throws SQLException {
        return Sql.one(c, "UPDATE messages SET read_at = ?, delivered_at = CASE WHEN delivered_at = 0 THEN ?"
                + " ELSE delivered_at END WHERE recipient_user_id = ? AND message_id = ? AND read_at = 0"
                + " RETURNING sender_user_id", rs -> rs.getString(1), at, at, recipientUserId, messageId);
    }

    /** Up to {@code limit} messages between two users older than {@code before} (null: the newest), newest first. */
    List<MessageMeta> page(Connection c, String a, String b, Position before, int limit) throws SQLException {
        String base = "SELECT " + COLUMNS + " FROM messages WHERE conversation = ?";
        String order = " ORDER BY server_timestamp DESC, message_id DESC, sender_user_id DESC LIMIT ?";
        if (before == null) {
            return Sql.list(c, base + order, MessageRepository::meta, conversation(a, b), limit);
        }
        return Sql.list(c, base + " AND (server_timestamp < ? OR (server_timestamp = ? AND (message_id < ?"
                + " OR (message_id = ? AND sender_user_id < ?))))" + order, MessageRepository::meta, conversation(a, b),
                before.serverTimestamp(), before.serverTimestamp(), before.messageId(), before.messageId(),
                before.senderUserId(), limit);
    }

    private static MessageMeta meta(ResultSet rs) throws SQLException {
        return new MessageMeta(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }
}
