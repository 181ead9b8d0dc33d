package dev.confab.client.ui.chat;

import dev.confab.client.core.chat.MessageState;

/**
 * One message bubble, with its texts ready to show. Immutable; safe to share between threads.
 *
 * @param key what identifies the message in the conversation (sender and message id)
 * @param text the text, or a sentence saying the message could not be opened
 * @param timeText when it was written, in the local time zone ("14:05", or "Nov 20, 14:05" before today)
 * @param outgoing whether this user sent it (shown on the right)
 * @param state where it stands
 * @param stateText "sending", "sent", "delivered", "read" or "failed" for an outgoing message; empty for incoming
 * @param problem why it failed, still waits, or could not be opened; null otherwise
 * @param unverifiedSender it came from a device whose key this user has not verified
 * @param undecryptable it arrived but could not be opened
 */
public record MessageItem(String key, String text, String timeText, boolean outgoing, MessageState state,
        String stateText, String problem, boolean unverifiedSender, boolean undecryptable) {}
