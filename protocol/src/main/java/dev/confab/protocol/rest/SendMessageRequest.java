package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;
import java.util.List;

/**
 * Body of {@code POST /api/v1/messages}: a chat message with one envelope for every device of the recipient
 * that has keys, and optionally for the sender's own other devices. {@code messageId} is chosen by the client
 * (a UUID) and makes the send idempotent: a retry with the same id is answered like the first.
 */
public record SendMessageRequest(String messageId, String recipientUserId, List<Envelope> envelopes) {
    /** Most envelopes one message may carry (the recipient's devices plus the sender's). */
    public static final int MAX_ENVELOPES = 32;

    public SendMessageRequest {
        Fields.id(messageId, "messageId");
        Fields.id(recipientUserId, "recipientUserId");
        envelopes = Fields.nonEmpty(envelopes, "envelopes", MAX_ENVELOPES);
    }
}
