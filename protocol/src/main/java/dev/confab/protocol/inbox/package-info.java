/** The store-and-forward inbox: sealed messages and receipts waiting for a device. */
package dev.confab.protocol.inbox;
