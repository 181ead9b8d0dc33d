package dev.confab.client.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.client.core.ClientException;
import dev.confab.crypto.seal.MessageSealer;
import dev.confab.protocol.Json;
import dev.confab.protocol.chat.ChatPayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A message's text is measured as the sealer will see it: encoded bytes, not characters. */
class ChatPayloadsTest {
    private static final long COMPOSED_AT = 1_763_373_600_000L;
    /** What the JSON around the text takes: {"text":"","composedAt":1763373600000}. */
    private static final int OVERHEAD = Json.encode(new ChatPayload("a", COMPOSED_AT)).getBytes(StandardCharsets.UTF_8).length - 1;
    private static final int BUDGET = MessageSealer.MAX_PLAINTEXT_LENGTH - OVERHEAD;

    @ParameterizedTest(name = "{0}: {1} bytes each")
    @CsvSource({
        "é, 2",    // Latin-1 supplement
        "字, 3",   // CJK
        "😀, 4",   // an emoji: two UTF-16 chars, four UTF-8 bytes
    })
    void aTextThatFillsTheSealerExactlyIsAcceptedAndOneByteMoreIsRefused(String unit, int bytes) {
        String atLimit = unit.repeat(BUDGET / bytes) + "a".repeat(BUDGET % bytes);
        assertThat(atLimit.length()).isLessThanOrEqualTo(ChatPayload.MAX_TEXT);
        assertThat(ChatPayloads.encode(atLimit, COMPOSED_AT)).hasSize(MessageSealer.MAX_PLAINTEXT_LENGTH);

        String over = atLimit + "a";
        assertThatThrownBy(() -> ChatPayloads.encode(over, COMPOSED_AT)).isInstanceOf(ClientException.class)
                .hasMessageContaining("too long")
                .hasMessageContaining("takes " + (MessageSealer.MAX_PLAINTEXT_LENGTH + 1) + " bytes")
                .hasMessageContaining("at most " + MessageSealer.MAX_PLAINTEXT_LENGTH);
    }

    @Test
    void asciiReachesTheCharacterLimitBeforeTheByteLimit() {
        assertThat(ChatPayloads.encode("a".repeat(ChatPayload.MAX_TEXT), COMPOSED_AT)).hasSize(ChatPayload.MAX_TEXT + OVERHEAD);
        assertThatThrownBy(() -> ChatPayloads.encode("a".repeat(ChatPayload.MAX_TEXT + 1), COMPOSED_AT))
                .hasMessageContaining("at most " + ChatPayload.MAX_TEXT + " characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "😀",  // 4096 emoji are exactly the character limit, and 16384 bytes before the JSON around them
        "\"",  // a quote is escaped in JSON: two bytes
        "\\",  // so is a backslash
        "\u0007",  // and a control character (six bytes: \\u0007)
    })
    void textsWithinTheCharacterLimitCanStillBeTooLongToSeal(String unit) {
        String text = unit.repeat(ChatPayload.MAX_TEXT / unit.length());
        assertThat(text.length()).isEqualTo(ChatPayload.MAX_TEXT);
        assertThatThrownBy(() -> ChatPayloads.encode(text, COMPOSED_AT)).hasMessageContaining("too long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void emptyTextsAreRefused(String text) {
        assertThatThrownBy(() -> ChatPayloads.encode(text, COMPOSED_AT)).hasMessageContaining("needs some text");
    }
}
