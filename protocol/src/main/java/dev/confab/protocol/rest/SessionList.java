package dev.confab.protocol.rest;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/sessions}.
 */
public record SessionList(List<SessionInfo> sessions) {}
