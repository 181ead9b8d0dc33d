package dev.confab.protocol.rest;

/**
 * Answer to {@code GET /health}: whether the server and its database answer, and what it runs.
 */
public record Health(String status, String version, int protocolVersion, String database) {}
