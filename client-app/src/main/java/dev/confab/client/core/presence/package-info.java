/** Presence as this client shows it, including {@code UNKNOWN} while disconnected, and the user's own choice. */
package dev.confab.client.core.presence;
