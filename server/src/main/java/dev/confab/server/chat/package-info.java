/** Chat store-and-forward: sealed envelopes per device, per-device ordered inboxes, receipts and history metadata. */
package dev.confab.server.chat;
