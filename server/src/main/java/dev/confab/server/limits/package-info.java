/** Rate limits: in-memory token buckets keyed by username, address, session or account. */
package dev.confab.server.limits;
