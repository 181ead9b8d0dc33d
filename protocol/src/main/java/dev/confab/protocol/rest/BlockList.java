package dev.confab.protocol.rest;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/blocks}: the users the caller blocked.
 */
public record BlockList(List<UserSummary> blocked) {}
