package dev.confab.server.it;

import dev.confab.testkit.AtRest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.crypto.seal.MessageSealer;
import dev.confab.crypto.seal.SealContext;
import dev.confab.protocol.Json;
import dev.confab.protocol.chat.ChatPayload;
import dev.confab.testkit.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversation sealed with the real crypto: the plaintext never reaches the server's files, and once the
 * recipient acknowledges, the ciphertext is gone from the SQLite database and its write-ahead log too.
 */
class NoPlaintextAtRestTest {
    @TempDir
    static Path dataDir;
    private static ServerProcess server;

    @BeforeAll
    static void start() {
        server = TestServers.relaxed().dataDir(dataDir).set("database.checkpoint-seconds", "1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void neitherPlaintextNorAcknowledgedCiphertextStaysOnDisk() throws Exception {
        TestUser alice = TestUser.register(server, "pt").withKeys();
        TestUser bob = TestUser.register(server, "pt").withKeys();
        TestUser.befriend(alice, bob);
        String text = "The zebra crossing is at 52.5200N 13.4050E - plaintext marker " + System.nanoTime();
        byte[] plaintext = Json.encode(new ChatPayload(text, System.currentTimeMillis())).getBytes(StandardCharsets.UTF_8);
        SealContext context = new SealContext("pt-1", alice.userId, alice.deviceId, bob.userId, bob.deviceId);
        byte[] sealed = MessageSealer.seal(plaintext, context, alice.identity.identity(),
                bob.identity.agreement().publicKeyBytes(), SecureRandom.getInstance("SHA1PRNG"));
        String ciphertext = Base64.getEncoder().encodeToString(sealed);
        Api.Reply sent = alice.api.post("/api/v1/messages", Map.of("messageId", "pt-1", "recipientUserId", bob.userId,
                "envelopes", List.of(Map.of("deviceId", bob.deviceId, "ciphertext", ciphertext))));
        assertThat(sent.status()).isEqualTo(201);

        byte[] marker = text.getBytes(StandardCharsets.UTF_8);
        byte[] cipherTail = Arrays.copyOfRange(sealed, sealed.length - 48, sealed.length);
        assertThat(filesContaining(cipherTail)).as("the stored ciphertext is visible to this search").isNotEmpty();
        assertThat(filesContaining(marker)).isEmpty();

        try (WsClient ws = bob.ws()) {
            JsonNode item = ws.next("inbox");
            byte[] received = Base64.getDecoder().decode(item.get("item").get("ciphertext").asText());
            byte[] opened = MessageSealer.open(received, context, alice.identity.publicKeys().identityKey(),
                    bob.identity.agreement());
            assertThat(Json.decode(opened, ChatPayload.class).text()).isEqualTo(text);
            ws.ok("inbox.ack", Map.of("upToSeq", item.get("seq").asLong()));
        }
        await("ciphertext gone from the database files").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> filesContaining(cipherTail).isEmpty());
        assertThat(filesContaining(marker)).isEmpty();
        assertThat(filesContaining(ciphertext.substring(ciphertext.length() - 60).getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(alice.api.get("/api/v1/conversations/" + bob.userId + "/messages").json().get("messages")).hasSize(1);
    }

    @Test
    void noSessionTokenIsStoredAsItIs() {
        TestUser carol = TestUser.register(server, "tok");
        TestUser phone = carol.newDevice();
        assertThat(carol.api.get("/api/v1/accounts/me").status()).isEqualTo(200);
        await("the new rows reach the database file").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> !filesContaining(phone.sessionId.getBytes(StandardCharsets.US_ASCII)).isEmpty());
        for (TestUser device : List.of(carol, phone)) {
            assertThat(filesContaining(device.token.getBytes(StandardCharsets.US_ASCII)))
                    .as("files holding %s's bearer token", device).isEmpty();
        }
    }

    /** The files of the data directory (database, WAL, log) whose bytes contain {@code needle}. */
    private static List<Path> filesContaining(byte[] needle) {
        return AtRest.filesContaining(server.dataDir(), needle);
    }
}
