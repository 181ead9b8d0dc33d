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
    /** The encoded size of the largest valid request: what a server's body limit must at least accept. */
    public static final int MAX_ENCODED_BYTES = maxEncodedBytes(MAX_ENVELOPES);

    public SendMessageRequest {
        Fields.id(messageId, "messageId");
        Fields.id(recipientUserId, "recipientUserId");
        envelopes = Fields.nonEmpty(envelopes, "envelopes", MAX_ENVELOPES);
    }

    /**
     * The encoded size (compact JSON, as the shared codec writes it) of the largest valid request
     * with {@code envelopes} envelopes: longest ids and largest ciphertexts. Ids and base64 need no escaping.
     */
    public static int maxEncodedBytes(int envelopes) {
        int id = Fields.MAX_ID_LENGTH;
        int ciphertext = (Envelope.MAX_CIPHERTEXT_BYTES + 2) / 3 * 4;
        int envelope = "{\"deviceId\":\"\",\"ciphertext\":\"\"}".length() + id + ciphertext;
        int outer = "{\"messageId\":\"\",\"recipientUserId\":\"\",\"envelopes\":[]}".length() + 2 * id;
        return outer + envelopes * envelope + Math.max(0, envelopes - 1);
    }
}
