package dev.confab.client.ui.contacts;

/**
 * One person this user blocked, contact or not, ready to show. Immutable; safe to share between threads.
 *
 * @param name the display name, or the username when there is none
 */
public record BlockedPerson(String userId, String username, String name) {
}
