package dev.confab.protocol.rest;

/**
 * One contact of the caller. {@code blocked} says the caller blocked them; {@code presence} is offline while
 * either side blocks the other.
 */
public record Contact(String userId, String username, String displayName, long since, boolean blocked,
        PresenceInfo presence) {}
