package dev.confab.protocol.rest;

/**
 * Who a user is to others: id, username and display name.
 */
public record UserSummary(String userId, String username, String displayName) {}
