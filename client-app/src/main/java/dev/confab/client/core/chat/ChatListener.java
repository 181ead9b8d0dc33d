package dev.confab.client.core.chat;

/** Observes conversations. Runs on the client's event thread, in order; must not block. */
public interface ChatListener {
    /** A message was added: received, composed here, or sent from another device of this user. */
    default void onMessage(ChatMessage message) {}

    /** A message changed state (sent, delivered, read, failed). */
    default void onMessageChanged(ChatMessage message) {}
}
