package dev.confab.server.contacts;

import dev.confab.protocol.rest.ContactRequestStatus;

/** A row of the contact_requests table. Immutable. */
record RequestRecord(String id, String fromUserId, String toUserId, String message, ContactRequestStatus status,
        long createdAt) {}
