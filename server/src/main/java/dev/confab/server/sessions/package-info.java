/** Sessions: signing in and out, bearer tokens stored as hashes, expiry, listing and revoking per device. */
package dev.confab.server.sessions;
