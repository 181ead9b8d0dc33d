package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;
import java.util.List;

/**
 * Body of {@code POST /api/v1/messages/read}: messages the caller has read; their senders get read receipts.
 */
public record ReadReceiptRequest(List<String> messageIds) {
    public ReadReceiptRequest {
        messageIds = Fields.nonEmpty(messageIds, "messageIds", 500);
        messageIds.forEach(id -> Fields.id(id, "messageIds"));
    }
}
