package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.crypto.identity.DeviceIdentity;
import dev.confab.testkit.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Contact requests, the contact list, blocks and device keys; run on both databases by the concrete suites. */
abstract class ContactsBehaviour {
    private final ServerProcess server;

    ContactsBehaviour(Db db) {
        this.server = TestServers.shared(db);
    }

    private static Predicate<JsonNode> presenceOf(TestUser user, String state) {
        return m -> m.get("userId").asText().equals(user.userId) && m.get("state").asText().equals(state);
    }

    @Test
    void requestAndAcceptMakeContactsAndTellBothSides() {
        TestUser alice = TestUser.register(server, "ca");
        TestUser bob = TestUser.register(server, "ca");
        try (WsClient aliceWs = alice.ws(); WsClient bobWs = bob.ws()) {
            Api.Reply request = alice.api.post("/api/v1/contact-requests", Map.of("username", bob.username, "message", "hi"));
            assertThat(request.status()).isEqualTo(201);
            assertThat(request.json().get("status").asText()).isEqualTo("pending");
            String id = request.text("requestId");
            assertThat(bobWs.next("contact.request").get("request").get("requestId").asText()).isEqualTo(id);
            aliceWs.next("contact.request");
            assertThat(bob.api.get("/api/v1/contact-requests").json().get("incoming").findValuesAsText("requestId")).containsExactly(id);
            assertThat(alice.api.get("/api/v1/contact-requests").json().get("outgoing").findValuesAsText("requestId")).containsExactly(id);
            assertThat(alice.api.post("/api/v1/contact-requests", Map.of("userId", bob.userId)).code()).isEqualTo("request_exists");

            Api.Reply accepted = bob.api.post("/api/v1/contact-requests/" + id + "/accept", "");
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(accepted.text("userId")).isEqualTo(alice.userId);
            assertThat(aliceWs.next("contact.added").get("contact").get("userId").asText()).isEqualTo(bob.userId);
            assertThat(bobWs.next("contact.added").get("contact").get("userId").asText()).isEqualTo(alice.userId);
            assertThat(aliceWs.next("contact.request", m -> m.get("request").get("status").asText().equals("accepted"))).isNotNull();
            assertThat(bob.api.post("/api/v1/contact-requests/" + id + "/accept", "").code()).isEqualTo("conflict");
        }
        assertThat(alice.api.get("/api/v1/contacts").json().get("contacts").findValuesAsText("userId")).containsExactly(bob.userId);
        assertThat(bob.api.get("/api/v1/contacts").json().get("contacts").findValuesAsText("userId")).containsExactly(alice.userId);
        assertThat(alice.api.post("/api/v1/contact-requests", Map.of("userId", bob.userId)).code()).isEqualTo("already_contacts");
    }

    @Test
    void declineCancelAndAutoAccept() {
        TestUser alice = TestUser.register(server, "cd");
        TestUser bob = TestUser.register(server, "cd");
        String declined = alice.api.post("/api/v1/contact-requests", Map.of("userId", bob.userId)).text("requestId");
        assertThat(alice.api.post("/api/v1/contact-requests/" + declined + "/decline", "").code()).isEqualTo("not_found");
        assertThat(bob.api.post("/api/v1/contact-requests/" + declined + "/decline", "").status()).isEqualTo(204);
        assertThat(bob.api.get("/api/v1/contact-requests").json().get("incoming")).isEmpty();
        Api.Reply tooSoon = alice.api.post("/api/v1/contact-requests", Map.of("userId", bob.userId));
        assertThat(tooSoon.code()).as("asking again right after a decline: %s", tooSoon).isEqualTo("request_exists");
        assertThat(tooSoon.json().get("details").get("retryAfterSeconds").asLong()).isBetween(1L, 24 * 3600L);

        String cancelled = bob.api.post("/api/v1/contact-requests", Map.of("userId", alice.userId)).text("requestId");
        assertThat(alice.api.delete("/api/v1/contact-requests/" + cancelled).code()).isEqualTo("not_found");
        assertThat(bob.api.delete("/api/v1/contact-requests/" + cancelled).status()).isEqualTo(204);
        assertThat(bob.api.get("/api/v1/contact-requests").json().get("outgoing")).isEmpty();

        bob.api.post("/api/v1/contact-requests", Map.of("userId", alice.userId));
        Api.Reply reverse = alice.api.post("/api/v1/contact-requests", Map.of("username", bob.username));
        assertThat(reverse.status()).as("the one who declined asked back: %s", reverse).isEqualTo(201);
        assertThat(reverse.json().get("status").asText()).isEqualTo("accepted");
        assertThat(bob.api.get("/api/v1/contacts").json().get("contacts").findValuesAsText("userId")).containsExactly(alice.userId);
        assertThat(bob.api.get("/api/v1/contact-requests").json().get("outgoing")).isEmpty();

        assertThat(alice.api.post("/api/v1/contact-requests", Map.of("username", "nobody-at-all-x")).code()).isEqualTo("user_not_found");
        assertThat(alice.api.post("/api/v1/contact-requests", Map.of("userId", alice.userId)).code()).isEqualTo("invalid_field");
    }

    @Test
    void removingAContactTellsBothSides() {
        TestUser alice = TestUser.register(server, "cr");
        TestUser bob = TestUser.register(server, "cr");
        TestUser.befriend(alice, bob);
        try (WsClient aliceWs = alice.ws(); WsClient bobWs = bob.ws()) {
            assertThat(alice.api.delete("/api/v1/contacts/" + bob.userId).status()).isEqualTo(204);
            assertThat(aliceWs.next("contact.removed").get("userId").asText()).isEqualTo(bob.userId);
            assertThat(bobWs.next("contact.removed").get("userId").asText()).isEqualTo(alice.userId);
        }
        assertThat(bob.api.get("/api/v1/contacts").json().get("contacts")).isEmpty();
        assertThat(alice.api.delete("/api/v1/contacts/" + bob.userId).code()).isEqualTo("not_found");
    }

    @Test
    void blockingStopsMessagesCallsAndPresenceBothWaysWithoutTellingTheBlockedUser() {
        TestUser alice = TestUser.register(server, "bl").withKeys();
        TestUser bob = TestUser.register(server, "bl").withKeys();
        TestUser.befriend(alice, bob);
        try (WsClient aliceWs = alice.ws()) {
            aliceWs.next("presence", m -> m.get("userId").asText().equals(bob.userId)); // alice counts as online now
            try (WsClient bobWs = bob.ws()) {
                bobWs.next("presence", presenceOf(alice, "online"));
                assertThat(alice.api.put("/api/v1/blocks/" + bob.userId, "").status()).isEqualTo(204);
                JsonNode hidden = bobWs.next("presence", m -> m.get("userId").asText().equals(alice.userId));
                assertThat(hidden.get("state").asText()).isEqualTo("offline");
                assertThat(hidden.get("lastSeenAt").asLong()).isZero();
                assertThat(alice.api.get("/api/v1/blocks").json().get("blocked").findValuesAsText("userId"))
                        .containsExactly(bob.userId);

                Api.Reply bobToAlice = bob.api.post("/api/v1/messages", TestUser.message("m-b1", alice.userId,
                        List.of(alice.deviceId)));
                assertThat(bobToAlice.code()).as("the blocked user is not told: %s", bobToAlice).isEqualTo("not_contacts");
                Api.Reply aliceToBob = alice.api.post("/api/v1/messages", TestUser.message("m-a1", bob.userId,
                        List.of(bob.deviceId)));
                assertThat(aliceToBob.code()).isEqualTo("blocked");
                JsonNode call = bobWs.request("call.invite", Map.of("callId", "c-bl-" + bob.deviceId, "calleeUserId",
                        alice.userId, "media", "audio", "sdp", "v=0", "signature", "sig"));
                assertThat(call.get("code").asText()).isEqualTo("not_contacts");
                JsonNode bobsView = bob.api.get("/api/v1/contacts").json().get("contacts").get(0);
                assertThat(bobsView.get("presence").get("state").asText()).isEqualTo("offline");
                assertThat(bobsView.get("blocked").asBoolean()).isFalse();
                assertThat(alice.api.get("/api/v1/contacts").json().get("contacts").get(0).get("blocked").asBoolean()).isTrue();

                aliceWs.ok("presence.set", Map.of("state", "busy"));
                assertThat(alice.api.delete("/api/v1/blocks/" + bob.userId).status()).isEqualTo(204);
                bobWs.next("presence", presenceOf(alice, "busy"));
                bobWs.ok("ping", Map.of());
                assertThat(bobWs.all().stream().filter(m -> "presence".equals(WsClient.type(m))
                        && m.get("userId").asText().equals(alice.userId)).map(m -> m.get("state").asText()))
                        .as("alice's presence as bob saw it: no busy leaked while blocked")
                        .containsExactly("online", "offline", "busy");
                assertThat(bob.api.post("/api/v1/messages", TestUser.message("m-b2", alice.userId, List.of(alice.deviceId)))
                        .status()).isEqualTo(201);
            }
        }
    }

    @Test
    void aBlockedUsersRequestsSeemPendingWhileTheBlockersOwnAreCancelled() {
        TestUser alice = TestUser.register(server, "bq");
        TestUser bob = TestUser.register(server, "bq");
        TestUser carol = TestUser.register(server, "bq");
        TestUser dave = TestUser.register(server, "bq");
        String bobsRequest = bob.api.post("/api/v1/contact-requests", Map.of("userId", alice.userId)).text("requestId");
        String alicesRequest = alice.api.post("/api/v1/contact-requests", Map.of("userId", carol.userId)).text("requestId");
        try (WsClient aliceWs = alice.ws(); WsClient bobWs = bob.ws(); WsClient carolWs = carol.ws()) {
            assertThat(alice.api.put("/api/v1/blocks/" + bob.userId, "").status()).isEqualTo(204);
            assertThat(alice.api.put("/api/v1/blocks/" + carol.userId, "").status()).isEqualTo(204);
            assertThat(alice.api.put("/api/v1/blocks/" + dave.userId, "").status()).isEqualTo(204);
            JsonNode cancelled = carolWs.next("contact.request").get("request");
            assertThat(cancelled.get("requestId").asText()).isEqualTo(alicesRequest);
            assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
            aliceWs.next("contact.request", m -> m.get("request").get("requestId").asText().equals(alicesRequest));

            Api.Reply davesRequest = dave.api.post("/api/v1/contact-requests", Map.of("userId", alice.userId));
            assertThat(davesRequest.status()).as("a request to someone who blocked you: %s", davesRequest).isEqualTo(201);
            assertThat(davesRequest.json().get("status").asText()).isEqualTo("pending");
            assertThat(dave.api.get("/api/v1/contact-requests").json().get("outgoing").findValuesAsText("requestId"))
                    .containsExactly(davesRequest.text("requestId"));
            assertThat(bob.api.post("/api/v1/contact-requests", Map.of("userId", alice.userId)).code())
                    .as("bob's request still seems pending to him").isEqualTo("request_exists");
            assertThat(bob.api.get("/api/v1/contact-requests").json().get("outgoing").findValuesAsText("requestId"))
                    .containsExactly(bobsRequest);
            assertThat(alice.api.get("/api/v1/contact-requests").json().get("incoming")).isEmpty();
            assertThat(alice.api.post("/api/v1/contact-requests", Map.of("userId", bob.userId)).code()).isEqualTo("blocked");
            assertThat(alice.api.post("/api/v1/contact-requests/" + bobsRequest + "/accept", "").code()).isEqualTo("blocked");
            bobWs.assertNone("contact.request");
            aliceWs.assertNone("contact.request");

            assertThat(alice.api.delete("/api/v1/blocks/" + bob.userId).status()).isEqualTo(204);
            JsonNode shown = aliceWs.next("contact.request").get("request");
            assertThat(shown.get("requestId").asText()).isEqualTo(bobsRequest);
            assertThat(shown.get("status").asText()).isEqualTo("pending");
        }
        assertThat(alice.api.get("/api/v1/contact-requests").json().get("incoming").findValuesAsText("requestId"))
                .containsExactly(bobsRequest);
        assertThat(alice.api.post("/api/v1/contact-requests/" + bobsRequest + "/accept", "").status()).isEqualTo(200);
    }

    @Test
    void keysAreCheckedImmutableAndVisibleOnlyToContactsAndTheAskedUser() throws Exception {
        TestUser alice = TestUser.register(server, "k").withKeys();
        TestUser bob = TestUser.register(server, "k");
        TestUser carol = TestUser.register(server, "k");
        assertThat(bob.api.get("/api/v1/users/" + alice.userId + "/keys").code()).isEqualTo("forbidden");
        assertThat(bob.api.get("/api/v1/users/u_nosuchuser/keys").code()).isEqualTo("user_not_found");
        String request = alice.api.post("/api/v1/contact-requests", Map.of("userId", bob.userId)).text("requestId");
        assertThat(alice.api.get("/api/v1/users/" + bob.userId + "/keys").code())
                .as("asking someone does not reveal their devices").isEqualTo("forbidden");
        JsonNode keys = bob.api.get("/api/v1/users/" + alice.userId + "/keys").json();
        assertThat(keys.get("devices")).hasSize(1);
        assertThat(keys.get("devices").get(0).get("identityKey").asText()).isEqualTo(alice.identity.publicKeys().identityKeyBase64());
        bob.api.post("/api/v1/contact-requests/" + request + "/accept", "");
        assertThat(carol.api.get("/api/v1/users/" + alice.userId + "/keys").code()).isEqualTo("forbidden");

        var mine = alice.identity.publicKeys();
        Api.Reply badSignature = alice.api.put("/api/v1/devices/current/keys", Map.of("identityKey", mine.identityKeyBase64(),
                "agreementKey", mine.agreementKeyBase64(), "agreementKeySignature", Base64.getEncoder().encodeToString(new byte[64])));
        assertThat(badSignature.code()).isEqualTo("invalid_field");
        assertThat(badSignature.json().get("details").get("field").asText()).isEqualTo("agreementKeySignature");

        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(("another identity for " + alice.deviceId).getBytes(StandardCharsets.UTF_8));
        DeviceIdentity other = DeviceIdentity.generate(seeded);
        var theirs = other.publicKeys();
        Api.Reply changed = alice.api.put("/api/v1/devices/current/keys", Map.of("identityKey", theirs.identityKeyBase64(),
                "agreementKey", theirs.agreementKeyBase64(), "agreementKeySignature", theirs.agreementKeySignatureBase64()));
        assertThat(changed.code()).isEqualTo("identity_key_immutable");

        TestUser alicePhone = alice.newDevice();
        try (WsClient bobWs = bob.ws()) {
            alicePhone.withKeys();
            assertThat(bobWs.next("keys.changed").get("userId").asText()).isEqualTo(alice.userId);
            assertThat(bob.api.get("/api/v1/users/" + alice.userId + "/keys").json().get("devices")).hasSize(2);
            assertThat(alice.api.delete("/api/v1/devices/" + alicePhone.deviceId).status()).isEqualTo(204);
            bobWs.next("keys.changed");
        }
        assertThat(bob.api.get("/api/v1/users/" + alice.userId + "/keys").json().get("devices")).hasSize(1);
        assertThat(alicePhone.api.get("/api/v1/accounts/me").status()).isEqualTo(401);
        assertThat(bob.api.delete("/api/v1/devices/" + alice.deviceId).code()).isEqualTo("not_found");
    }
}
