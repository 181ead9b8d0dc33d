package dev.confab.protocol.rest;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/contact-requests}: the caller's pending requests, both ways.
 */
public record ContactRequestList(List<ContactRequest> incoming, List<ContactRequest> outgoing) {}
