package dev.confab.protocol.rest;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/conversations/{userId}/messages}: newest first; {@code nextBefore} is the
 * cursor for the page before this one, absent on the last page.
 */
public record MessagePage(List<MessageMeta> messages, String nextBefore) {}
