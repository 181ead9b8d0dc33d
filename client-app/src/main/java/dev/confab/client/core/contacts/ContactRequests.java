package dev.confab.client.core.contacts;

import dev.confab.protocol.rest.ContactRequest;
import java.util.List;

/**
 * The pending contact requests: to this user ({@code incoming}) and from this user ({@code outgoing}). A snapshot;
 * immutable; safe to share between threads.
 */
public record ContactRequests(List<ContactRequest> incoming, List<ContactRequest> outgoing) {
    public static final ContactRequests NONE = new ContactRequests(List.of(), List.of());

    public ContactRequests {
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
    }
}
