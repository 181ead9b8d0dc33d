package dev.confab.server.chat;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.inbox.ReceiptStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Appends items to device inboxes inside the caller's transaction, with the two rules every chat write follows.
 * Lock order: devices are locked in ascending id order (the maps are sorted), and a transaction that also changes
 * message rows changes them first, in (message id, sender) order - one global order, so concurrent sends, sent
 * copies and receipts can never deadlock on PostgreSQL. Capacity: an inbox holds at most {@code maxItems}; a
 * message for a full inbox is refused, a receipt for one is dropped. Stateless apart from its settings; thread-safe.
 */
final class InboxAppender {
    /** The fields every envelope of a message shares. */
    record Message(String messageId, String senderUserId, String senderDeviceId, String recipientUserId, long at) {}

    private final InboxRepository inbox;
    private final int maxItems;

    InboxAppender(InboxRepository inbox, int maxItems) {
        this.inbox = inbox;
        this.maxItems = maxItems;
    }

    /**
     * Stores one envelope per device, keyed by device id.
     *
     * @throws ProtocolException {@code inbox_full} naming every full device ({@code details.fullDevices}); the
     *         caller's transaction then rolls back, so nothing is stored
     */
    void appendMessage(Connection c, SortedMap<String, byte[]> ciphertextByDevice, Message m) throws SQLException {
        List<String> full = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : ciphertextByDevice.entrySet()) {
            String deviceId = e.getKey();
            long seq = inbox.lockNextSeq(c, deviceId);
            if (inbox.size(c, deviceId, seq) >= maxItems) {
                full.add(deviceId);
                continue;
            }
            inbox.insertMessage(c, deviceId, seq, m.messageId(), m.senderUserId(), m.senderDeviceId(),
                    m.recipientUserId(), e.getValue(), m.at());
            inbox.setNextSeq(c, deviceId, seq + 1);
        }
        if (!full.isEmpty()) {
            throw new ProtocolException(ErrorCode.INBOX_FULL, "A device's inbox is full (" + maxItems + " undelivered"
                    + " items); it must come online and receive them first. Envelopes for your own devices may be"
                    + " left out.", Map.of("fullDevices", List.copyOf(full)));
        }
    }

    /**
     * Stores receipts ({@code messageIds} by device id) from {@code byUserId}; a device whose inbox is full gets
     * those that fit. Returns how many were stored.
     */
    int appendReceipts(Connection c, SortedMap<String, List<String>> messageIdsByDevice, String byUserId,
            ReceiptStatus status, long at) throws SQLException {
        int stored = 0;
        for (Map.Entry<String, List<String>> e : messageIdsByDevice.entrySet()) {
            String deviceId = e.getKey();
            long seq = inbox.lockNextSeq(c, deviceId);
            long room = maxItems - inbox.size(c, deviceId, seq);
            long next = seq;
            for (String messageId : e.getValue()) {
                if (next - seq >= room) {
                    break;
                }
                inbox.insertReceipt(c, deviceId, next++, messageId, byUserId, status, at);
            }
            if (next > seq) {
                inbox.setNextSeq(c, deviceId, next);
                stored += (int) (next - seq);
            }
        }
        return stored;
    }
}
