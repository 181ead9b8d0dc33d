/** Rate limits: in-memory token buckets keyed by username, address, session or connection. */
package dev.confab.server.limits;
