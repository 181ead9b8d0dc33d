package dev.confab.protocol.rest;

import dev.confab.protocol.inbox.InboxEntry;
import java.util.List;

/**
 * Answer to {@code GET /api/v1/inbox}: this device's undelivered items in order; {@code more} says more wait.
 */
public record InboxPage(List<InboxEntry> entries, boolean more) {}
