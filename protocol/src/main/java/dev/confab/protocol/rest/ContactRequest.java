package dev.confab.protocol.rest;

/**
 * A contact request between two users, as both of them see it.
 */
public record ContactRequest(String requestId, UserSummary from, UserSummary to, String message,
        ContactRequestStatus status, long createdAt) {}
