package dev.confab.protocol.rest;

import dev.confab.protocol.PresenceState;

/**
 * A user's presence and, when offline, when they were last seen (epoch milliseconds; 0 when never).
 */
public record PresenceInfo(PresenceState state, long lastSeenAt) {}
