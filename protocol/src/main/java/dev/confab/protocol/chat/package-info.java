/** The plaintext a chat envelope carries once it is opened; the server never sees it. */
package dev.confab.protocol.chat;
