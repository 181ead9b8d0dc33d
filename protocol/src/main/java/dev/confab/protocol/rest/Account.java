package dev.confab.protocol.rest;

/**
 * An account as its owner sees it ({@code GET /api/v1/accounts/me}, and the answer to registering).
 */
public record Account(String userId, String username, String displayName, long createdAt) {}
