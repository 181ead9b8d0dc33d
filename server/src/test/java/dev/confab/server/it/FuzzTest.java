package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.protocol.Json;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.testkit.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of every JSON entry point (each POST/PUT/DELETE REST body and every WebSocket message type):
 * random bytes and mutations of valid bodies (bit flips, truncation, type swaps, deep nesting, huge strings, odd
 * Unicode). Every refusal must be a 4xx with a JSON error body - never a 5xx, never HTML - every WebSocket answer
 * readable and no internal error, and the server must stay healthy. The fuzz must also reach both sides of every
 * entry point's decoder: some inputs refused as malformed, some getting past it.
 */
class FuzzTest {
    private static final long SEED = 0x5EEDC0FFEEL;
    private static final int ROUNDS = 40;
    /** Frames above this close the connection by design (BadInputTest checks that); the fuzzer stays below. */
    private static final int HARD_FRAME_LIMIT = 4 * 128 * 1024;
    /** The wire names of every client message type, read from the protocol's own list. */
    private static final List<String> CLIENT_TYPES = Arrays.stream(ClientMessage.class.getAnnotation(JsonSubTypes.class)
            .value()).map(JsonSubTypes.Type::name).toList();
    private final ServerProcess server = TestServers.shared(Db.SQLITE);
    private final Random random = new Random(SEED);

    /** Codes that mean the decoder refused the input; any other answer means it got past the decoder. */
    private static final Set<String> DECODER_CODES = Set.of("malformed_json", "invalid_field", "too_large");

    private record Entry(String method, String path, String template, boolean authed) {}

    @Test
    void everyJsonEntryPointSurvivesGarbage() {
        TestUser alice = TestUser.register(server, "fz").withKeys();
        TestUser bob = TestUser.register(server, "fz").withKeys();
        TestUser.befriend(alice, bob);
        String envelope = "{\"deviceId\":\"" + bob.deviceId + "\",\"ciphertext\":\"AAECAwQF\"}";
        var keys = alice.identity.publicKeys();
        String newUsername = "fuzzer-" + alice.username.substring(alice.username.indexOf('-') + 1);
        List<Entry> entries = List.of(
                new Entry("POST", "/api/v1/accounts", "{\"username\":\"" + newUsername
                        + "\",\"password\":\"a long enough pw\",\"displayName\":\"F\"}", false),
                new Entry("POST", "/api/v1/sessions", "{\"username\":\"" + alice.username + "\",\"password\":\"wrong password\",\"deviceName\":\"d\"}", false),
                new Entry("PUT", "/api/v1/accounts/me/password", "{\"currentPassword\":\"wrong password\",\"newPassword\":\"another long pw\"}", true),
                new Entry("DELETE", "/api/v1/accounts/me", "{\"password\":\"wrong password\"}", true),
                new Entry("PUT", "/api/v1/devices/current/keys", "{\"identityKey\":\"" + keys.identityKeyBase64()
                        + "\",\"agreementKey\":\"" + keys.agreementKeyBase64() + "\",\"agreementKeySignature\":\""
                        + keys.agreementKeySignatureBase64() + "\"}", true),
                new Entry("POST", "/api/v1/contact-requests", "{\"userId\":\"" + bob.userId + "\",\"message\":\"hi\"}", true),
                new Entry("PUT", "/api/v1/presence", "{\"state\":\"away\"}", true),
                new Entry("POST", "/api/v1/messages", "{\"messageId\":\"fz-1\",\"recipientUserId\":\"" + bob.userId
                        + "\",\"envelopes\":[" + envelope + "]}", true),
                new Entry("POST", "/api/v1/messages/read", "{\"messageIds\":[\"fz-1\",\"fz-2\"]}", true),
                new Entry("POST", "/api/v1/inbox/ack", "{\"upToSeq\":0}", true));
        Api anon = new Api(server.baseUrl(), null);
        for (Entry e : entries) {
            Api api = e.authed() ? alice.api : anon;
            Set<String> outcomes = new TreeSet<>();
            for (int i = 0; i < ROUNDS; i++) {
                byte[] body = mutate(e.template());
                Api.Reply r = api.raw(e.method(), e.path(), body, "application/json");
                assertThat(r.status()).as("%s %s <- %s", e.method(), e.path(), preview(body)).isLessThan(500);
                if (r.status() >= 400) {
                    assertThat(r.json()).as("JSON error for %s %s <- %s: %s", e.method(), e.path(), preview(body), r.body())
                            .isNotNull();
                    assertThat(r.json().path("code").isTextual()).as("code in %s", r.body()).isTrue();
                }
                outcomes.add(r.status() < 400 ? Integer.toString(r.status()) : r.code());
            }
            assertThat(outcomes).as("%s %s outcomes", e.method(), e.path())
                    .anyMatch(DECODER_CODES::contains).anyMatch(o -> !DECODER_CODES.contains(o));
        }

        List<String> frames = List.of("{\"type\":\"ping\",\"id\":\"p1\"}", "{\"type\":\"presence.set\",\"id\":\"p2\",\"state\":\"busy\"}",
                "{\"type\":\"inbox.ack\",\"id\":\"p3\",\"upToSeq\":0}",
                "{\"type\":\"call.invite\",\"id\":\"p4\",\"callId\":\"fz-c\",\"calleeUserId\":\"" + bob.userId
                        + "\",\"media\":\"audio\",\"sdp\":\"v=0\",\"signature\":\"s\"}",
                "{\"type\":\"call.candidate\",\"id\":\"p5\",\"callId\":\"fz-c\",\"candidate\":{\"candidate\":\"c\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}",
                "{\"type\":\"call.sdp\",\"id\":\"p6\",\"callId\":\"fz-c\",\"kind\":\"offer\",\"sdp\":\"v=0\",\"signature\":\"s\"}",
                "{\"type\":\"call.reject\",\"id\":\"p7\",\"callId\":\"fz-c\",\"busy\":true}",
                "{\"type\":\"call.ringing\",\"id\":\"p8\",\"callId\":\"fz-c\"}",
                "{\"type\":\"call.accept\",\"id\":\"p9\",\"callId\":\"fz-c\",\"sdp\":\"v=0\",\"signature\":\"s\"}",
                "{\"type\":\"call.cancel\",\"id\":\"p10\",\"callId\":\"fz-c\"}",
                "{\"type\":\"call.hangup\",\"id\":\"p11\",\"callId\":\"fz-c\"}");
        assertThat(frames.stream().map(f -> Api.parse(f).get("type").asText()))
                .as("every client message type is fuzzed").containsExactlyInAnyOrderElementsOf(CLIENT_TYPES);
        try (WsClient ws = alice.ws()) {
            for (String frame : frames) {
                for (int i = 0; i < ROUNDS; i++) {
                    String mutated = new String(mutate(frame), StandardCharsets.UTF_8);
                    if (mutated.getBytes(StandardCharsets.UTF_8).length < HARD_FRAME_LIMIT) {
                        ws.sendRaw(mutated);
                    }
                }
            }
            ws.ok("ping", Map.of("id", "final-ping"));
            assertThat(ws.all()).allMatch(m -> m != null && m.has("type"));
            assertThat(ws.all()).filteredOn(m -> "error".equals(WsClient.type(m)))
                    .allMatch(m -> m.path("code").isTextual() && !m.path("code").asText().equals("internal_error"));
        }
        assertThat(anon.get("/health").status()).isEqualTo(200);
        assertThat(bob.api.get("/api/v1/accounts/me").status()).isEqualTo(200);
    }

    private byte[] mutate(String template) {
        byte[] valid = template.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(9)) {
            case 0 -> randomBytes(random.nextInt(200));
            case 1 -> flipBits(valid);
            case 2 -> Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            case 3 -> swapTypes(template);
            case 4 -> nest(random.nextInt(2) == 0 ? 40 : 4000);
            case 5 -> replaceStrings(template, "x".repeat(random.nextInt(2) == 0 ? 70_000 : 600_000));
            case 6 -> replaceStrings(template, randomUnicode());
            case 7 -> (template.substring(0, template.length() - 1) + ",\"extra\":" + template + "}").getBytes(StandardCharsets.UTF_8);
            default -> valid;
        };
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private byte[] flipBits(byte[] valid) {
        byte[] b = valid.clone();
        for (int i = 0, flips = 1 + random.nextInt(4); i < flips && b.length > 0; i++) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
    }

    private byte[] swapTypes(String template) {
        JsonNode tree = Api.parse(template);
        if (!(tree instanceof ObjectNode object)) {
            return randomBytes(10);
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        String field = names.get(random.nextInt(names.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode replacement = switch (random.nextInt(7)) {
            case 0 -> f.numberNode(random.nextLong());
            case 1 -> f.numberNode(1e300 * random.nextDouble());
            case 2 -> f.booleanNode(true);
            case 3 -> f.nullNode();
            case 4 -> f.arrayNode().add("a").add(1);
            case 5 -> f.objectNode().put("nested", "x");
            default -> f.textNode("");
        };
        object.set(field, replacement);
        return Json.encode(object).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] nest(int depth) {
        return ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] replaceStrings(String template, String value) {
        String quoted = Json.encode(value);
        return template.replaceAll("\"[^\"]*\"(?=\\s*[,}\\]])", Matcher.quoteReplacement(quoted))
                .getBytes(StandardCharsets.UTF_8);
    }

    private String randomUnicode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
            s.append((char) random.nextInt(0x10000));
        }
        return s.toString();
    }

    private static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
