package dev.confab.client.core.chat;

/**
 * One conversation for a list of conversations: its newest message and how many incoming ones are unread.
 * Immutable; safe to share between threads.
 */
public record ConversationSummary(String peerUserId, ChatMessage last, int unread) {}
