/**
 * End-to-end encrypted chat: sealing per device, the outbox that sends in order once connected, the inbox that
 * stores each message exactly once before acknowledging it, receipts, and history from the local store.
 */
package dev.confab.client.core.chat;
