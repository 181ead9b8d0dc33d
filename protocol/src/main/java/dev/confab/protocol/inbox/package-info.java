/**
 * The store-and-forward inbox: sealed messages and receipts waiting for a device.
 * Records here are immutable and thread-safe.
 */
package dev.confab.protocol.inbox;
