package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A third user, Mallory, who is no contact of Alice and Bob, tries everything on their resources; nothing works
 * and nothing leaks. Every authenticated endpoint refuses a missing or wrong token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    private final ServerProcess server = TestServers.shared(Db.SQLITE);
    private TestUser alice;
    private TestUser bob;
    private TestUser mallory;

    @BeforeAll
    void cast() {
        alice = TestUser.register(server, "az").withKeys();
        bob = TestUser.register(server, "az").withKeys();
        mallory = TestUser.register(server, "az").withKeys();
        TestUser.befriend(alice, bob);
    }

    @Test
    void everyAuthenticatedEndpointRefusesMissingAndWrongTokens() {
        List<String[]> endpoints = List.of(
                new String[] {"GET", "/api/v1/accounts/me"}, new String[] {"PUT", "/api/v1/accounts/me/password"},
                new String[] {"DELETE", "/api/v1/accounts/me"}, new String[] {"GET", "/api/v1/sessions"},
                new String[] {"DELETE", "/api/v1/sessions/current"}, new String[] {"DELETE", "/api/v1/sessions/" + alice.sessionId},
                new String[] {"GET", "/api/v1/devices"}, new String[] {"DELETE", "/api/v1/devices/" + alice.deviceId},
                new String[] {"PUT", "/api/v1/devices/current/keys"}, new String[] {"GET", "/api/v1/users/" + alice.userId + "/keys"},
                new String[] {"GET", "/api/v1/users?username=" + alice.username}, new String[] {"GET", "/api/v1/contacts"},
                new String[] {"DELETE", "/api/v1/contacts/" + bob.userId}, new String[] {"GET", "/api/v1/contact-requests"},
                new String[] {"POST", "/api/v1/contact-requests"}, new String[] {"POST", "/api/v1/contact-requests/r_x/accept"},
                new String[] {"POST", "/api/v1/contact-requests/r_x/decline"}, new String[] {"DELETE", "/api/v1/contact-requests/r_x"},
                new String[] {"GET", "/api/v1/blocks"}, new String[] {"PUT", "/api/v1/blocks/" + bob.userId},
                new String[] {"DELETE", "/api/v1/blocks/" + bob.userId}, new String[] {"PUT", "/api/v1/presence"},
                new String[] {"POST", "/api/v1/messages"}, new String[] {"POST", "/api/v1/messages/read"},
                new String[] {"GET", "/api/v1/conversations/" + bob.userId + "/messages"}, new String[] {"GET", "/api/v1/inbox"},
                new String[] {"POST", "/api/v1/inbox/ack"}, new String[] {"GET", "/api/v1/turn-credentials"});
        Api none = new Api(server.baseUrl(), null);
        Api wrong = new Api(server.baseUrl(), "not-a-token-" + alice.token.substring(3));
        for (String[] e : endpoints) {
            for (Api api : List.of(none, wrong)) {
                Api.Reply r = api.raw(e[0], e[1], "{}".getBytes(), "application/json");
                assertThat(r.status()).as("%s %s", e[0], e[1]).isEqualTo(401);
                assertThat(r.code()).as("%s %s", e[0], e[1]).isEqualTo("unauthorized");
            }
        }
        assertThat(alice.api.get("/api/v1/accounts/me").status()).isEqualTo(200);
    }

    @Test
    void aStrangerCannotMessageCallOrFetchKeys() {
        assertThat(mallory.api.post("/api/v1/messages", TestUser.message("mal-1", alice.userId, List.of(alice.deviceId))).code())
                .isEqualTo("not_contacts");
        assertThat(mallory.api.get("/api/v1/users/" + alice.userId + "/keys").code()).isEqualTo("forbidden");
        try (WsClient ws = mallory.ws()) {
            JsonNode invite = ws.request("call.invite", Map.of("callId", "mal-call", "calleeUserId", alice.userId,
                    "media", "audio", "sdp", "v=0", "signature", "s"));
            assertThat(invite.get("code").asText()).isEqualTo("not_contacts");
        }
    }

    @Test
    void aStrangerSeesNoPresenceAndNoHistory() {
        try (WsClient malloryWs = mallory.ws(); WsClient bobWs = bob.ws()) {
            try (WsClient aliceWs = alice.ws()) {
                aliceWs.ok("presence.set", Map.of("state", "busy"));
                bobWs.next("presence", m -> m.get("state").asText().equals("busy"));
            }
            malloryWs.assertNone("presence");
        }
        assertThat(mallory.api.get("/api/v1/contacts").json().get("contacts")).isEmpty();
        assertThat(alice.api.post("/api/v1/messages", TestUser.message("az-hist", bob.userId, List.of(bob.deviceId))).status())
                .isEqualTo(201);
        assertThat(mallory.api.get("/api/v1/conversations/" + alice.userId + "/messages").json().get("messages")).isEmpty();
        assertThat(mallory.api.get("/api/v1/conversations/" + bob.userId + "/messages").json().get("messages")).isEmpty();
        assertThat(mallory.api.post("/api/v1/messages/read", Map.of("messageIds", List.of("az-hist"))).status()).isEqualTo(204);
        assertThat(alice.api.get("/api/v1/conversations/" + bob.userId + "/messages").json().get("messages").get(0)
                .get("readAt").asLong()).isZero();
    }

    @Test
    void aStrangerCannotActOnOthersRequestsSessionsDevicesOrContacts() {
        TestUser carol = TestUser.register(server, "az");
        String request = alice.api.post("/api/v1/contact-requests", Map.of("userId", carol.userId)).text("requestId");
        assertThat(mallory.api.post("/api/v1/contact-requests/" + request + "/accept", "").code()).isEqualTo("not_found");
        assertThat(mallory.api.post("/api/v1/contact-requests/" + request + "/decline", "").code()).isEqualTo("not_found");
        assertThat(mallory.api.delete("/api/v1/contact-requests/" + request).code()).isEqualTo("not_found");
        assertThat(carol.api.delete("/api/v1/contact-requests/" + request).code()).as("only the sender cancels").isEqualTo("not_found");
        assertThat(alice.api.post("/api/v1/contact-requests/" + request + "/accept", "").code()).as("only the recipient accepts")
                .isEqualTo("not_found");
        assertThat(carol.api.get("/api/v1/contact-requests").json().get("incoming").findValuesAsText("requestId")).containsExactly(request);

        assertThat(mallory.api.delete("/api/v1/sessions/" + alice.sessionId).code()).isEqualTo("not_found");
        assertThat(mallory.api.delete("/api/v1/devices/" + alice.deviceId).code()).isEqualTo("not_found");
        assertThat(mallory.api.delete("/api/v1/contacts/" + alice.userId).code()).isEqualTo("not_found");
        assertThat(alice.api.get("/api/v1/accounts/me").status()).isEqualTo(200);
        assertThat(alice.api.get("/api/v1/devices").json().get("devices")).hasSize(1);
        assertThat(mallory.api.get("/api/v1/sessions").json().get("sessions").findValuesAsText("sessionId"))
                .containsExactly(mallory.sessionId);
    }

    @Test
    void aStrangersAckNeverTouchesAnotherInbox() {
        assertThat(alice.api.post("/api/v1/messages", TestUser.message("az-inbox", bob.userId, List.of(bob.deviceId))).status())
                .isEqualTo(201);
        assertThat(mallory.api.post("/api/v1/inbox/ack", Map.of("upToSeq", Long.MAX_VALUE / 2)).status()).isEqualTo(204);
        assertThat(bob.api.get("/api/v1/inbox").json().get("entries").findValuesAsText("messageId")).contains("az-inbox");
    }
}
