/**
 * The plaintext a chat envelope carries once it is opened; the server never sees it.
 * Records here are immutable and thread-safe.
 */
package dev.confab.protocol.chat;
