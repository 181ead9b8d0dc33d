/**
 * The encrypted local store of one profile: a SQLite file whose sensitive columns are AES-256-GCM records bound to
 * their row, under a random key kept in an owner-only file beside it.
 */
package dev.confab.client.core.store;
