package dev.confab.protocol.rest;

/**
 * What the server keeps of a message once it is delivered: who, when, and its receipts (0 = not yet).
 * Never the content.
 */
public record MessageMeta(String messageId, String senderUserId, String recipientUserId, long serverTimestamp,
        long deliveredAt, long readAt) {}
