package dev.confab.client.core.chat;

import dev.confab.client.core.ClientException;
import dev.confab.crypto.seal.MessageSealer;
import dev.confab.protocol.Json;
import dev.confab.protocol.chat.ChatPayload;
import java.nio.charset.StandardCharsets;

/**
 * What a message's text becomes before it is sealed: the {@link ChatPayload} as UTF-8 JSON, checked against both
 * limits at once when the message is written, so a text that cannot be sealed is refused then with a sentence that
 * says why, never later in the outbox. The sealer counts bytes ({@link MessageSealer#MAX_PLAINTEXT_LENGTH}), not
 * characters: a Chinese, Japanese or Korean character takes three bytes in UTF-8, an emoji four, and quotes and
 * control characters grow when escaped in JSON.
 *
 * <p>Stateless; safe from any thread.
 */
final class ChatPayloads {
    private ChatPayloads() {}

    /**
     * The bytes to seal for {@code text} written at {@code composedAt}.
     *
     * @throws ClientException if the text is empty, or too long in characters or in encoded bytes
     */
    static byte[] encode(String text, long composedAt) {
        if (text == null || text.isBlank()) {
            throw new ClientException("A message needs some text.");
        }
        if (text.length() > ChatPayload.MAX_TEXT) {
            throw new ClientException("A message may be at most " + ChatPayload.MAX_TEXT + " characters (this one has "
                    + text.length() + "). Split it into shorter messages.");
        }
        byte[] payload = Json.encode(new ChatPayload(text, composedAt)).getBytes(StandardCharsets.UTF_8);
        if (payload.length > MessageSealer.MAX_PLAINTEXT_LENGTH) {
            throw new ClientException("This message is too long: it takes " + payload.length + " bytes once encoded, and a"
                    + " message may take at most " + MessageSealer.MAX_PLAINTEXT_LENGTH + " (Chinese, Japanese and Korean"
                    + " characters take 3 bytes each, emoji 4). Split it into shorter messages.");
        }
        return payload;
    }
}
