package dev.confab.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.Fields;
import dev.confab.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The size bound a server's body limit is checked against is exactly the largest valid request's size. */
class SendMessageRequestTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 19, SendMessageRequest.MAX_ENVELOPES})
    void maxEncodedBytesIsTheSizeOfTheLargestValidRequest(int count) {
        String id = "i".repeat(Fields.MAX_ID_LENGTH);
        String ciphertext = Base64.getEncoder().encodeToString(new byte[Envelope.MAX_CIPHERTEXT_BYTES]);
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String device = String.format("d%0" + (Fields.MAX_ID_LENGTH - 1) + "d", i);
            envelopes.add(new Envelope(device, ciphertext));
        }
        SendMessageRequest largest = new SendMessageRequest(id, id, envelopes);
        assertThat(Json.encode(largest).getBytes(StandardCharsets.UTF_8)).hasSize(SendMessageRequest.maxEncodedBytes(count));
    }
}
