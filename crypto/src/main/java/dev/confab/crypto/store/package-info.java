/** Authenticated encryption of records in the client's local store. */
package dev.confab.crypto.store;
