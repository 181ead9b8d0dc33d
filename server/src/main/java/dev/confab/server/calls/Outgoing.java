package dev.confab.server.calls;

import dev.confab.protocol.ws.ServerMessage;

/** A message the relay sends to one device. Immutable. */
public record Outgoing(String deviceId, ServerMessage message) {}
