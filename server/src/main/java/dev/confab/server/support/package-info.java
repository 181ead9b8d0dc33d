/** Small services every feature uses: id generation and timers, both injectable so tests control them. */
package dev.confab.server.support;
