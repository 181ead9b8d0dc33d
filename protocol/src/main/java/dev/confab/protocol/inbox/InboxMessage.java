package dev.confab.protocol.inbox;

/**
 * A chat message sealed for this device. {@code senderUserId} and {@code senderDeviceId} are set by the
 * server from the sender's session; the envelope's signature proves them. {@code recipientUserId} names the
 * conversation when the item is a copy of the user's own message sent from another device.
 */
public record InboxMessage(String messageId, String senderUserId, String senderDeviceId, String recipientUserId,
        String ciphertext, long serverTimestamp) implements InboxItem {}
