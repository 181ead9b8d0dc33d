package dev.confab.protocol.inbox;

/**
 * An inbox item with its per-device sequence number, by which the client acknowledges it.
 */
public record InboxEntry(long seq, InboxItem item) {}
