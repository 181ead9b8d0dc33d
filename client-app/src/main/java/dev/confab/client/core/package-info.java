/**
 * The Confab client core: account, contacts and presence, end-to-end encrypted chat, key pinning and call
 * signaling over the server's REST API and event WebSocket, with an encrypted local store. No JavaFX here:
 * {@link dev.confab.client.core.ConfabClient} is an observable, listener-based API that the CLI and the desktop
 * UI both build on.
 */
package dev.confab.client.core;
