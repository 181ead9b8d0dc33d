package dev.confab.client.core.chat;

import java.util.List;

/**
 * A page of a conversation from the local store, newest first. Immutable; safe to share between threads.
 *
 * @param nextBefore the cursor for the next (older) page; null on the last page
 */
public record HistoryPage(List<ChatMessage> messages, String nextBefore) {
    public HistoryPage {
        messages = List.copyOf(messages);
    }
}
