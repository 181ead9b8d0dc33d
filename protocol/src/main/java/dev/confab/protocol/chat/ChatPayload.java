package dev.confab.protocol.chat;

import dev.confab.protocol.Fields;

/**
 * What a sealed chat envelope holds once opened: the text and the sender's clock when it was written.
 * Encoded as JSON before sealing, so later kinds (attachments, edits) can add fields.
 */
public record ChatPayload(String text, long composedAt) {
    /** The longest text one message may carry, in characters. */
    public static final int MAX_TEXT = 8 * 1024;

    public ChatPayload {
        Fields.bounded(text, "text", MAX_TEXT);
    }
}
