package dev.confab.protocol.rest;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/contacts}.
 */
public record ContactList(List<Contact> contacts) {}
