package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one account may accumulate, with low configured values: devices ({@code too_many_devices}), undelivered
 * items per device ({@code inbox_full}; receipts for a full inbox are dropped), username lookups and contact
 * requests (429).
 */
class QuotasTest {
    private static final int MAX_ITEMS = 16;
    private static ServerProcess server;

    @BeforeAll
    static void start() {
        server = TestServers.relaxed()
                .set("limits.devices-per-user", "3")
                .set("limits.inbox-max-items", Integer.toString(MAX_ITEMS))
                .set("limits.user-lookups-per-user", "3/1h")
                .set("limits.contact-requests-per-user", "3/1h")
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api.Reply signIn(TestUser user, String deviceId) {
        Map<String, String> body = new HashMap<>(Map.of("username", user.username, "password",
                TestUser.PASSWORD, "deviceName", "another"));
        if (deviceId != null) {
            body.put("deviceId", deviceId);
        }
        return new Api(server.baseUrl(), null).post("/api/v1/sessions", body);
    }

    @Test
    void aNewDeviceBeyondTheLimitIsRefusedUntilOneIsRemoved() {
        TestUser laptop = TestUser.register(server, "qd");
        laptop.newDevice();
        TestUser tablet = laptop.newDevice();
        Api.Reply fourth = signIn(laptop, null);
        assertThat(fourth.status()).as("%s", fourth).isEqualTo(409);
        assertThat(fourth.code()).isEqualTo("too_many_devices");
        assertThat(fourth.json().get("details").get("maxDevices").asInt()).isEqualTo(3);
        assertThat(fourth.json().get("message").asText()).contains("remove one");
        assertThat(signIn(laptop, tablet.deviceId).status()).as("an existing device signs in again").isEqualTo(201);
        assertThat(signIn(laptop, "d_someone_elses").code()).as("an unknown deviceId is a new device").isEqualTo("too_many_devices");
        assertThat(laptop.api.delete("/api/v1/devices/" + tablet.deviceId).status()).isEqualTo(204);
        assertThat(signIn(laptop, null).status()).isEqualTo(201);
    }

    @Test
    void aFullInboxRefusesMessagesAndDropsReceipts() {
        TestUser alice = TestUser.register(server, "qi").withKeys();
        TestUser alicePhone = alice.newDevice().withKeys();
        TestUser bob = TestUser.register(server, "qi").withKeys();
        TestUser.befriend(alice, bob);
        List<String> withCopy = List.of(bob.deviceId, alicePhone.deviceId);
        for (int i = 0; i < MAX_ITEMS; i++) {
            assertThat(alice.api.post("/api/v1/messages", TestUser.message("qi-" + i, bob.userId, withCopy)).status())
                    .isEqualTo(201);
        }
        Api.Reply full = alice.api.post("/api/v1/messages", TestUser.message("qi-full", bob.userId, withCopy));
        assertThat(full.status()).as("%s", full).isEqualTo(409);
        assertThat(full.code()).isEqualTo("inbox_full");
        List<String> fullDevices = new ArrayList<>();
        full.json().get("details").get("fullDevices").forEach(d -> fullDevices.add(d.asText()));
        assertThat(fullDevices).containsExactlyInAnyOrder(bob.deviceId, alicePhone.deviceId);

        JsonNode entries = bob.api.get("/api/v1/inbox?limit=500").json().get("entries");
        assertThat(entries).hasSize(MAX_ITEMS);
        long last = entries.get(MAX_ITEMS - 1).get("seq").asLong();
        assertThat(bob.api.post("/api/v1/inbox/ack", Map.of("upToSeq", last)).status()).isEqualTo(204);
        assertThat(alicePhone.api.get("/api/v1/inbox?limit=500").json().get("entries"))
                .as("the phone's full inbox took no delivered receipts").hasSize(MAX_ITEMS);

        Api.Reply copyToFullPhone = alice.api.post("/api/v1/messages", TestUser.message("qi-17", bob.userId, withCopy));
        assertThat(copyToFullPhone.code()).isEqualTo("inbox_full");
        assertThat(copyToFullPhone.json().get("details").get("fullDevices").get(0).asText()).isEqualTo(alicePhone.deviceId);
        assertThat(alice.api.post("/api/v1/messages", TestUser.message("qi-17", bob.userId, List.of(bob.deviceId)))
                .status()).as("the sender may leave out its own full device").isEqualTo(201);
    }

    @Test
    void lookupsAndContactRequestsAreLimitedPerAccount() {
        TestUser alice = TestUser.register(server, "ql");
        List<TestUser> others = List.of(TestUser.register(server, "ql"), TestUser.register(server, "ql"),
                TestUser.register(server, "ql"), TestUser.register(server, "ql"));
        for (int i = 0; i < 3; i++) {
            assertThat(alice.api.get("/api/v1/users?username=" + others.get(i).username).status()).isEqualTo(200);
        }
        Api.Reply lookup = alice.api.get("/api/v1/users?username=" + others.get(3).username);
        assertThat(lookup.code()).isEqualTo("rate_limited");
        assertThat(lookup.headers().get("retry-after")).isNotEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(alice.api.post("/api/v1/contact-requests", Map.of("userId", others.get(i).userId)).status())
                    .isEqualTo(201);
        }
        assertThat(alice.api.post("/api/v1/contact-requests", Map.of("userId", others.get(3).userId)).code())
                .isEqualTo("rate_limited");
        assertThat(others.get(3).api.get("/api/v1/users?username=" + alice.username).status())
                .as("another account has its own budget").isEqualTo(200);
    }
}
