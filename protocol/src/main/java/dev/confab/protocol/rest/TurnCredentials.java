package dev.confab.protocol.rest;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/turn-credentials}: the ICE servers to use and how long the credentials last.
 * Empty when the operator configured none.
 */
public record TurnCredentials(List<IceServer> iceServers, long ttlSeconds) {}
