package dev.confab.protocol.inbox;

/**
 * A receipt for a message the user sent: the recipient {@code byUserId} got it (first device) or read it.
 */
public record InboxReceipt(String messageId, String byUserId, ReceiptStatus status, long at) implements InboxItem {}
