package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;

/**
 * Body of {@code POST /api/v1/inbox/ack} (and the WebSocket's {@code inbox.ack}): every item of this device
 * up to and including {@code upToSeq} has been stored by the client and may be deleted.
 */
public record InboxAck(long upToSeq) {
    public InboxAck {
        Fields.nonNegative(upToSeq, "upToSeq");
    }
}
