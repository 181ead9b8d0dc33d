package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.crypto.identity.DeviceIdentity;
import dev.confab.testkit.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A signed-in device of a test account: its REST client, ids and, once uploaded, its real device identity.
 * {@link #register} makes a new account with a name unique in the run; {@link #newDevice} signs the same account
 * in again. Everything random is seeded, so runs repeat. Not thread-safe.
 */
final class TestUser {
    static final String PASSWORD = "a fine long password";
    /** Seeds the run tag and message bytes; every server the tests start has a fresh database, so names repeat safely. */
    private static final long SEED = 0xC0FFAB;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Integer.toString(new Random(SEED).nextInt(100_000, 999_999), 36);

    final String baseUrl;
    final String username;
    final String userId;
    final String deviceId;
    final String sessionId;
    final String token;
    final Api api;
    DeviceIdentity identity;

    private TestUser(String baseUrl, String username, JsonNode login) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.userId = login.get("userId").asText();
        this.deviceId = login.get("deviceId").asText();
        this.sessionId = login.get("sessionId").asText();
        this.token = login.get("token").asText();
        this.api = new Api(baseUrl, token);
    }

    static TestUser register(ServerProcess server, String prefix) {
        return register(server.baseUrl(), prefix);
    }

    static TestUser register(String baseUrl, String prefix) {
        String username = prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
        Api.Reply r = new Api(baseUrl, null).post("/api/v1/accounts", Map.of("username", username, "password", PASSWORD));
        assertThat(r.status()).as("register %s: %s", username, r).isEqualTo(201);
        return login(baseUrl, username, PASSWORD, null);
    }

    static TestUser login(String baseUrl, String username, String password, String deviceId) {
        Map<String, String> body = new HashMap<>(Map.of("username", username, "password", password, "deviceName", "test"));
        if (deviceId != null) {
            body.put("deviceId", deviceId);
        }
        Api.Reply r = new Api(baseUrl, null).post("/api/v1/sessions", body);
        assertThat(r.status()).as("login %s: %s", username, r).isEqualTo(201);
        return new TestUser(baseUrl, username, r.json());
    }

    /** The same account signed in as a new device. */
    TestUser newDevice() {
        return login(baseUrl, username, PASSWORD, null);
    }

    WsClient ws() {
        WsClient ws = WsClient.connect(baseUrl, token);
        ws.next("welcome");
        return ws;
    }

    /** Makes and uploads a real device identity (seeded, so runs repeat). */
    TestUser withKeys() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(deviceId.getBytes(StandardCharsets.UTF_8));
            identity = DeviceIdentity.generate(random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var keys = identity.publicKeys();
        Api.Reply r = api.put("/api/v1/devices/current/keys", Map.of("identityKey", keys.identityKeyBase64(),
                "agreementKey", keys.agreementKeyBase64(), "agreementKeySignature", keys.agreementKeySignatureBase64()));
        assertThat(r.status()).as("keys upload: %s", r).isEqualTo(204);
        return this;
    }

    /** Makes two users contacts (request and accept). */
    static void befriend(TestUser a, TestUser b) {
        Api.Reply request = a.api.post("/api/v1/contact-requests", Map.of("userId", b.userId));
        assertThat(request.status()).as("request: %s", request).isEqualTo(201);
        Api.Reply accept = b.api.post("/api/v1/contact-requests/" + request.text("requestId") + "/accept", "");
        assertThat(accept.status()).as("accept: %s", accept).isEqualTo(200);
    }

    /** A message body with one envelope per device id, seeded random bytes standing in for ciphertext. */
    static Map<String, Object> message(String messageId, String recipientUserId, List<String> deviceIds) {
        return message(messageId, recipientUserId, deviceIds, 48);
    }

    /** A message body whose envelopes carry {@code size} bytes each. */
    static Map<String, Object> message(String messageId, String recipientUserId, List<String> deviceIds, int size) {
        List<Map<String, String>> envelopes = new ArrayList<>();
        for (String d : deviceIds) {
            byte[] bytes = new byte[size];
            new Random(SEED ^ Objects.hash(messageId, d)).nextBytes(bytes);
            envelopes.add(Map.of("deviceId", d, "ciphertext", Base64.getEncoder().encodeToString(bytes)));
        }
        return Map.of("messageId", messageId, "recipientUserId", recipientUserId, "envelopes", envelopes);
    }

    @Override
    public String toString() {
        return username + "/" + deviceId;
    }
}
