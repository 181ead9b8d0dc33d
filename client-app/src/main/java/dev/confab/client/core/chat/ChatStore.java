package dev.confab.client.core.chat;

import dev.confab.client.core.store.LocalStore;
import dev.confab.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Messages, the outbox and drafts in the local store. A message's text, composition time and sender device are
 * one encrypted record bound to the message's identity (sender, id, conversation, direction); ids, state, times
 * and order stay in clear. A message is unique per (sender, message id): storing one twice is a no-op, which is
 * what makes redelivered inbox items show exactly once.
 *
 * <p>Thread-safe (the store serializes).
 */
final class ChatStore {
    private static final String TABLE = "messages";
    private static final String COLUMNS = "seq, peer_id, sender_id, message_id, outgoing, state, server_ts, problem, body";

    /** The encrypted part of a message row. */
    record Body(String text, long composedAt, String senderDeviceId, boolean unverified) {}

    /** One queued send: the message waiting, in composition order. */
    record Queued(long seq, String messageId, String peerUserId) {}

    private final LocalStore store;

    ChatStore(LocalStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Stores a message composed here and queues it for sending, in one transaction. */
    ChatMessage insertOutgoing(ChatMessage message) {
        return store.write(c -> {
            long seq = insert(c, message);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox(message_id, peer_id) VALUES (?, ?)")) {
                s.setString(1, message.messageId());
                s.setString(2, message.peerUserId());
                s.executeUpdate();
            }
            return withCursor(message, seq);
        });
    }

    /** Stores a received message unless one with the same sender and id is stored already; empty then. */
    Optional<ChatMessage> insertIfNew(ChatMessage message) {
        return store.write(c -> {
            if (find(c, message.senderUserId(), message.messageId()).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(withCursor(message, insert(c, message)));
        });
    }

    Optional<ChatMessage> find(String senderUserId, String messageId) {
        return store.read(c -> find(c, senderUserId, messageId));
    }

    /**
     * Moves an outgoing message to {@code next} if that is progress (receipts never move it back); a server
     * timestamp of 0 keeps the stored one. Returns the updated message, or empty when nothing changed.
     */
    Optional<ChatMessage> advance(String senderUserId, String messageId, MessageState next, long serverTs, String problem) {
        return store.write(c -> {
            Optional<ChatMessage> current = find(c, senderUserId, messageId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            ChatMessage message = current.get();
            boolean progress = next == MessageState.FAILED
                    ? message.state() == MessageState.SENDING
                    : next.rank() > message.state().rank();
            if (!progress && !(serverTs != 0 && message.serverTimestamp() == 0 && next.rank() >= 0)) {
                return Optional.empty();
            }
            MessageState state = progress ? next : message.state();
            long ts = serverTs != 0 ? serverTs : message.serverTimestamp();
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE messages SET state = ?, server_ts = ?, problem = ? WHERE sender_id = ? AND message_id = ?")) {
                s.setString(1, state.name());
                s.setLong(2, ts);
                s.setString(3, problem);
                s.setString(4, senderUserId);
                s.setString(5, messageId);
                s.executeUpdate();
            }
            return Optional.of(message.withState(state, ts, problem));
        });
    }

    /**
     * Ends a message that is still SENDING as FAILED with {@code problem}, and takes it out of the outbox, in one
     * transaction. {@code heldForTrust} marks a refusal the user can lift by trusting the peer's keys
     * ({@link #requeueHeld}). Returns the updated message, or empty when it was not SENDING any more.
     */
    Optional<ChatMessage> fail(String senderUserId, String messageId, String problem, boolean heldForTrust) {
        return store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox WHERE message_id = ?")) {
                s.setString(1, messageId);
                s.executeUpdate();
            }
            Optional<ChatMessage> current = find(c, senderUserId, messageId);
            if (current.isEmpty() || current.get().state() != MessageState.SENDING) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE messages SET state = 'FAILED', problem = ?, held_for_trust = ? "
                    + "WHERE sender_id = ? AND message_id = ?")) {
                s.setString(1, problem);
                s.setInt(2, heldForTrust ? 1 : 0);
                s.setString(3, senderUserId);
                s.setString(4, messageId);
                s.executeUpdate();
            }
            return Optional.of(current.get().withState(MessageState.FAILED, current.get().serverTimestamp(), problem));
        });
    }

    /**
     * Puts the messages of the conversation that a key change held back (FAILED, held for trust) back in the outbox,
     * SENDING again, in the order they were written. Returns them.
     */
    List<ChatMessage> requeueHeld(String senderUserId, String peerUserId) {
        return store.write(c -> {
            List<ChatMessage> held = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE sender_id = ? AND peer_id = ? "
                    + "AND outgoing = 1 AND state = 'FAILED' AND held_for_trust = 1 ORDER BY seq")) {
                s.setString(1, senderUserId);
                s.setString(2, peerUserId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        held.add(read(r));
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE messages SET state = 'SENDING', problem = NULL, "
                    + "held_for_trust = 0 WHERE seq = ?");
                    PreparedStatement queue = c.prepareStatement("INSERT INTO outbox(message_id, peer_id) VALUES (?, ?)")) {
                for (ChatMessage message : held) {
                    update.setLong(1, Long.parseLong(message.cursor()));
                    update.executeUpdate();
                    queue.setString(1, message.messageId());
                    queue.setString(2, peerUserId);
                    queue.executeUpdate();
                }
            }
            return held.stream().map(m -> m.withState(MessageState.SENDING, m.serverTimestamp(), null)).toList();
        });
    }

    /** Notes why a message that is still SENDING waits (cleared when it is sent). */
    void note(String senderUserId, String messageId, String problem) {
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE messages SET problem = ? WHERE sender_id = ? AND message_id = ? "
                    + "AND state = 'SENDING'")) {
                s.setString(1, problem);
                s.setString(2, senderUserId);
                s.setString(3, messageId);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The queued sends, oldest first. */
    List<Queued> outbox() {
        return store.read(c -> {
            List<Queued> queued = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, message_id, peer_id FROM outbox ORDER BY seq");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    queued.add(new Queued(r.getLong(1), r.getString(2), r.getString(3)));
                }
            }
            return queued;
        });
    }

    void dequeue(String messageId) {
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox WHERE message_id = ?")) {
                s.setString(1, messageId);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A page of the conversation, newest first, strictly before {@code beforeSeq} (null for the newest). */
    HistoryPage history(String peerUserId, Long beforeSeq, int limit) {
        return store.read(c -> {
            List<ChatMessage> messages = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE peer_id = ? AND seq < ? "
                    + "ORDER BY seq DESC LIMIT ?")) {
                s.setString(1, peerUserId);
                s.setLong(2, beforeSeq == null ? Long.MAX_VALUE : beforeSeq);
                s.setInt(3, limit + 1);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        messages.add(read(r));
                    }
                }
            }
            boolean more = messages.size() > limit;
            List<ChatMessage> page = more ? messages.subList(0, limit) : messages;
            return new HistoryPage(page, more ? page.getLast().cursor() : null);
        });
    }

    /** Marks every unread incoming message of the conversation read, with a read receipt to send; returns them. */
    List<ChatMessage> markRead(String peerUserId) {
        return store.write(c -> {
            List<ChatMessage> unread = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE peer_id = ? AND outgoing = 0 "
                    + "AND state = 'RECEIVED' ORDER BY seq")) {
                s.setString(1, peerUserId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        unread.add(read(r));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE messages SET state = 'READ', read_pending = 1 WHERE seq = ?")) {
                for (ChatMessage message : unread) {
                    s.setLong(1, Long.parseLong(message.cursor()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return unread.stream().map(m -> m.withState(MessageState.READ, m.serverTimestamp(), m.problem())).toList();
        });
    }

    /** Read receipts not yet accepted by the server: message ids by conversation, oldest first. */
    Map<String, List<String>> pendingReads() {
        return store.read(c -> {
            Map<String, List<String>> pending = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT peer_id, message_id FROM messages WHERE read_pending = 1 ORDER BY seq");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pending.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
                }
            }
            return pending;
        });
    }

    void readsSent(String peerUserId, List<String> messageIds) {
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE messages SET read_pending = 0 WHERE peer_id = ? AND sender_id = ? AND message_id = ?")) {
                for (String id : messageIds) {
                    s.setString(1, peerUserId);
                    s.setString(2, peerUserId);
                    s.setString(3, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** Each conversation with its newest message and unread count, most recent first. */
    List<ConversationSummary> conversations() {
        return store.read(c -> {
            List<ConversationSummary> list = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS.replace("seq,", "m.seq,").replace(", peer_id", ", m.peer_id")
                    + ", (SELECT COUNT(*) FROM messages u WHERE u.peer_id = m.peer_id AND u.outgoing = 0 AND u.state = 'RECEIVED') "
                    + "FROM messages m WHERE m.seq = (SELECT MAX(seq) FROM messages x WHERE x.peer_id = m.peer_id) ORDER BY m.seq DESC");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ChatMessage last = read(r);
                    list.add(new ConversationSummary(last.peerUserId(), last, r.getInt(10)));
                }
            }
            return list;
        });
    }

    Optional<String> draft(String peerUserId) {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT body FROM drafts WHERE peer_id = ?")) {
                s.setString(1, peerUserId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next()
                            ? Optional.of(new String(store.unseal("drafts", peerUserId, r.getBytes(1)), StandardCharsets.UTF_8))
                            : Optional.empty();
                }
            }
        });
    }

    void saveDraft(String peerUserId, String text) {
        store.write(c -> {
            if (text == null || text.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM drafts WHERE peer_id = ?")) {
                    s.setString(1, peerUserId);
                    s.executeUpdate();
                }
            } else {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO drafts(peer_id, body) VALUES (?, ?) "
                        + "ON CONFLICT(peer_id) DO UPDATE SET body = excluded.body")) {
                    s.setString(1, peerUserId);
                    s.setBytes(2, store.seal("drafts", peerUserId, text.getBytes(StandardCharsets.UTF_8)));
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    // ---- rows

    private long insert(Connection c, ChatMessage m) throws SQLException {
        Body body = new Body(m.text(), m.composedAt(), m.senderDeviceId(), m.unverifiedSender());
        byte[] sealed = store.seal(TABLE, rowKey(m.senderUserId(), m.messageId(), m.peerUserId(), m.outgoing()),
                Json.encode(body).getBytes(StandardCharsets.UTF_8));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO messages(peer_id, sender_id, message_id, outgoing, state, "
                + "server_ts, problem, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq")) {
            s.setString(1, m.peerUserId());
            s.setString(2, m.senderUserId());
            s.setString(3, m.messageId());
            s.setInt(4, m.outgoing() ? 1 : 0);
            s.setString(5, m.state().name());
            s.setLong(6, m.serverTimestamp());
            s.setString(7, m.problem());
            s.setBytes(8, sealed);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private Optional<ChatMessage> find(Connection c, String senderUserId, String messageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE sender_id = ? AND message_id = ?")) {
            s.setString(1, senderUserId);
            s.setString(2, messageId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private ChatMessage read(ResultSet r) throws SQLException {
        long seq = r.getLong(1);
        String peer = r.getString(2);
        String sender = r.getString(3);
        String messageId = r.getString(4);
        boolean outgoing = r.getInt(5) == 1;
        byte[] json = store.unseal(TABLE, rowKey(sender, messageId, peer, outgoing), r.getBytes(9));
        Body body = Json.decode(json, Body.class);
        return new ChatMessage(messageId, peer, outgoing, sender, body.senderDeviceId(), body.text(), body.composedAt(),
                r.getLong(7), MessageState.valueOf(r.getString(6)), r.getString(8), body.unverified(), Long.toString(seq));
    }

    private static ChatMessage withCursor(ChatMessage m, long seq) {
        return new ChatMessage(m.messageId(), m.peerUserId(), m.outgoing(), m.senderUserId(), m.senderDeviceId(), m.text(),
                m.composedAt(), m.serverTimestamp(), m.state(), m.problem(), m.unverifiedSender(), Long.toString(seq));
    }

    static String rowKey(String senderUserId, String messageId, String peerUserId, boolean outgoing) {
        return senderUserId + "\u0000" + messageId + "\u0000" + peerUserId + "\u0000" + (outgoing ? "out" : "in");
    }
}
