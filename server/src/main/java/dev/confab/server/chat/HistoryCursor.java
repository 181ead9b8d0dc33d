package dev.confab.server.chat;

import dev.confab.protocol.Fields;
import dev.confab.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** History page cursors: opaque base64url of the last shown position. Stateless. */
final class HistoryCursor {
    private HistoryCursor() {}

    static String encode(MessageRepository.Position p) {
        String raw = p.serverTimestamp() + "\n" + p.messageId() + "\n" + p.senderUserId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names, or {@code invalid_field} ({@code before}) for one this server did not make. */
    static MessageRepository.Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\n", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("parts");
            }
            return new MessageRepository.Position(Long.parseLong(parts[0]), Fields.id(parts[1], "before"),
                    Fields.id(parts[2], "before"));
        } catch (IllegalArgumentException | ProtocolException e) {
            throw Fields.invalid("before", "before is not a cursor this server made");
        }
    }
}
