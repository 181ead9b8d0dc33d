package dev.confab.protocol.rest;

/**
 * Answer to sending a message: the id and the server's timestamp, which orders the conversation.
 */
public record SendMessageResponse(String messageId, long serverTimestamp) {}
