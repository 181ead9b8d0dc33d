package dev.confab.client.core.keys;

/** Observes key changes. Runs on the client's event thread, in order; must not block. */
public interface KeyListener {
    /** A user's keys changed and need the user's decision. Show it loudly. */
    default void onKeyChange(KeyChange change) {}

    /** The user trusted {@code userId}'s current keys; sending to them works again. */
    default void onTrusted(String userId) {}
}
