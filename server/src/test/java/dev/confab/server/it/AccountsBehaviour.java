package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.ServerProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Accounts and sessions against the real server; run on both databases by the concrete suites. */
abstract class AccountsBehaviour {
    private final ServerProcess server;
    private final Api anon;

    AccountsBehaviour(Db db) {
        this.server = TestServers.shared(db);
        this.anon = new Api(server.baseUrl(), null);
    }

    @Test
    void registersWithNormalizedUsernameAndRefusesDuplicatesAndBadInput() {
        TestUser alice = TestUser.register(server, "Acct");
        assertThat(alice.username).startsWith("Acct");
        Api.Reply me = alice.api.get("/api/v1/accounts/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo(alice.username.toLowerCase());
        assertThat(me.text("displayName")).isEqualTo(alice.username.toLowerCase());

        Api.Reply again = anon.post("/api/v1/accounts", Map.of("username", alice.username.toUpperCase(), "password", TestUser.PASSWORD));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("username_taken");

        assertThat(anon.post("/api/v1/accounts", Map.of("username", "9abc", "password", TestUser.PASSWORD)).code())
                .isEqualTo("invalid_username");
        Api.Reply weak = anon.post("/api/v1/accounts", Map.of("username", "weakling" + System.nanoTime() % 100000, "password", "password123"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("weak_password");
        assertThat(weak.json().get("details").get("reason").asText()).isEqualTo("common");
    }

    @Test
    void loginAnswersTheSameForUnknownUserAndWrongPassword() {
        TestUser alice = TestUser.register(server, "login");
        Api.Reply wrong = anon.post("/api/v1/sessions", Map.of("username", alice.username, "password", "not the password", "deviceName", "x"));
        Api.Reply unknown = anon.post("/api/v1/sessions", Map.of("username", "nobody-" + alice.username, "password", "not the password", "deviceName", "x"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json()).isEqualTo(unknown.json());
        assertThat(wrong.code()).isEqualTo("wrong_password");
    }

    @Test
    void logoutRevokesTheToken() {
        TestUser alice = TestUser.register(server, "logout");
        try (WsClient ws = alice.ws()) {
            assertThat(alice.api.delete("/api/v1/sessions/current").status()).isEqualTo(204);
            assertThat(ws.next("session.revoked").get("sessionId").asText()).isEqualTo(alice.sessionId);
            ws.awaitClose();
        }
        Api.Reply after = alice.api.get("/api/v1/accounts/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("unauthorized");
    }

    @Test
    void changingThePasswordRevokesOtherSessions() {
        TestUser alice = TestUser.register(server, "chpw");
        TestUser phone = alice.newDevice();
        try (WsClient phoneWs = phone.ws()) {
            Api.Reply wrongCurrent = alice.api.put("/api/v1/accounts/me/password",
                    Map.of("currentPassword", "not it at all", "newPassword", "another fine password"));
            assertThat(wrongCurrent.code()).isEqualTo("wrong_password");
            assertThat(alice.api.put("/api/v1/accounts/me/password",
                    Map.of("currentPassword", TestUser.PASSWORD, "newPassword", "short")).code()).isEqualTo("weak_password");
            assertThat(alice.api.put("/api/v1/accounts/me/password",
                    Map.of("currentPassword", TestUser.PASSWORD, "newPassword", "another fine password")).status()).isEqualTo(204);
            phoneWs.next("session.revoked");
            phoneWs.awaitClose();
        }
        assertThat(phone.api.get("/api/v1/accounts/me").status()).isEqualTo(401);
        assertThat(alice.api.get("/api/v1/accounts/me").status()).isEqualTo(200);
        assertThat(anon.post("/api/v1/sessions", Map.of("username", alice.username, "password", TestUser.PASSWORD,
                "deviceName", "x")).code()).isEqualTo("wrong_password");
        assertThat(TestUser.login(server.baseUrl(), alice.username, "another fine password", null).userId).isEqualTo(alice.userId);
    }

    @Test
    void deletingTheAccountRemovesItAndTellsContacts() {
        TestUser alice = TestUser.register(server, "del");
        TestUser bob = TestUser.register(server, "del");
        TestUser.befriend(alice, bob);
        try (WsClient bobWs = bob.ws(); WsClient aliceWs = alice.ws()) {
            assertThat(alice.api.delete("/api/v1/accounts/me", Map.of("password", "wrong password!!")).code())
                    .isEqualTo("wrong_password");
            assertThat(alice.api.delete("/api/v1/accounts/me", Map.of("password", TestUser.PASSWORD)).status()).isEqualTo(204);
            assertThat(bobWs.next("contact.removed").get("userId").asText()).isEqualTo(alice.userId);
            aliceWs.next("session.revoked");
            aliceWs.awaitClose();
        }
        assertThat(alice.api.get("/api/v1/accounts/me").status()).isEqualTo(401);
        assertThat(bob.api.get("/api/v1/contacts").json().get("contacts")).isEmpty();
        assertThat(bob.api.get("/api/v1/users?username=" + alice.username).code()).isEqualTo("user_not_found");
        assertThat(anon.post("/api/v1/sessions", Map.of("username", alice.username, "password", TestUser.PASSWORD,
                "deviceName", "x")).code()).isEqualTo("wrong_password");
    }

    @Test
    void sessionsAreListedAndRevokedPerDevice() {
        TestUser laptop = TestUser.register(server, "sess");
        TestUser phone = laptop.newDevice();
        TestUser mallory = TestUser.register(server, "sess");
        Api.Reply list = laptop.api.get("/api/v1/sessions");
        assertThat(list.json().get("sessions")).hasSize(2);
        assertThat(list.json().get("sessions").findValuesAsText("sessionId")).contains(laptop.sessionId, phone.sessionId);

        assertThat(mallory.api.delete("/api/v1/sessions/" + phone.sessionId).code()).isEqualTo("not_found");
        assertThat(laptop.api.delete("/api/v1/sessions/s_doesnotexist").code()).isEqualTo("not_found");
        try (WsClient phoneWs = phone.ws()) {
            assertThat(laptop.api.delete("/api/v1/sessions/" + phone.sessionId).status()).isEqualTo(204);
            assertThat(phoneWs.next("session.revoked").get("sessionId").asText()).isEqualTo(phone.sessionId);
            assertThat(phoneWs.awaitClose()).isEqualTo(1008);
        }
        assertThat(phone.api.get("/api/v1/sessions").status()).isEqualTo(401);
        assertThat(laptop.api.get("/api/v1/sessions").json().get("sessions")).hasSize(1);
    }

    @Test
    void signingInWithADeviceIdReusesTheDeviceAndReplacesItsSession() {
        TestUser first = TestUser.register(server, "dev");
        TestUser again = TestUser.login(server.baseUrl(), first.username, TestUser.PASSWORD, first.deviceId);
        assertThat(again.deviceId).isEqualTo(first.deviceId);
        assertThat(first.api.get("/api/v1/accounts/me").status()).isEqualTo(401);
        assertThat(again.api.get("/api/v1/devices").json().get("devices")).hasSize(1);
        TestUser other = TestUser.register(server, "dev");
        TestUser foreign = TestUser.login(server.baseUrl(), other.username, TestUser.PASSWORD, first.deviceId);
        assertThat(foreign.deviceId).isNotEqualTo(first.deviceId);
    }
}
