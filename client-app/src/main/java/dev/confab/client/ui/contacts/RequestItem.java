package dev.confab.client.ui.contacts;

/**
 * One pending contact request, to this user ({@code incoming}: accept or decline) or from this user (cancel).
 * Immutable; safe to share between threads.
 *
 * @param username the other user's username
 * @param name the other user's display name, or the username
 * @param message what the requester wrote; empty when nothing
 * @param text the line to show ("alice wants to be your contact", "Waiting for bob")
 */
public record RequestItem(String requestId, boolean incoming, String username, String name, String message, String text) {}
