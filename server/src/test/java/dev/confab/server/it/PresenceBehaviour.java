package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Presence: who sees it, how fast, how devices combine; run on both databases by the concrete suites. */
abstract class PresenceBehaviour {
    private final ServerProcess server;

    PresenceBehaviour(Db db) {
        this.server = TestServers.shared(db);
    }

    private static Predicate<JsonNode> presenceOf(TestUser user, String state) {
        return m -> m.get("userId").asText().equals(user.userId) && m.get("state").asText().equals(state);
    }

    @Test
    void changesReachContactsOnlyWithinASecond() {
        TestUser alice = TestUser.register(server, "pa");
        TestUser bob = TestUser.register(server, "pa");
        TestUser carol = TestUser.register(server, "pa");
        TestUser.befriend(alice, bob);
        try (WsClient bobWs = bob.ws(); WsClient carolWs = carol.ws()) {
            bobWs.next("presence", presenceOf(alice, "offline"));
            try (WsClient aliceWs = alice.ws()) {
                // The clock starts once the connection is set up (welcome): the change is the device counting online.
                long start = System.nanoTime();
                bobWs.next("presence", presenceOf(alice, "online"));
                assertThat((System.nanoTime() - start) / 1_000_000).as("ms until bob saw alice online").isLessThan(1000);
                start = System.nanoTime();
                aliceWs.ok("presence.set", Map.of("state", "away"));
                bobWs.next("presence", presenceOf(alice, "away"));
                assertThat((System.nanoTime() - start) / 1_000_000).as("ms until bob saw alice away").isLessThan(1000);
            }
            JsonNode offline = bobWs.next("presence", presenceOf(alice, "offline"));
            assertThat(offline.get("lastSeenAt").asLong()).isPositive();
            carolWs.assertNone("presence"); // carol is no contact
        }
    }

    @Test
    void aNewConnectionGetsEveryContactsPresenceRightAfterWelcome() {
        TestUser alice = TestUser.register(server, "ps");
        TestUser bob = TestUser.register(server, "ps");
        TestUser carol = TestUser.register(server, "ps");
        TestUser.befriend(alice, bob);
        TestUser.befriend(alice, carol);
        try (WsClient bobWs = bob.ws()) {
            bobWs.ok("presence.set", Map.of("state", "busy"));
            try (WsClient aliceWs = WsClient.connect(server.baseUrl(), alice.token)) {
                aliceWs.next("welcome");
                JsonNode first = aliceWs.next(m -> true);
                JsonNode second = aliceWs.next(m -> true);
                assertThat(List.of(first, second)).allMatch(m -> "presence".equals(WsClient.type(m)));
                assertThat(List.of(first, second)).anyMatch(presenceOf(bob, "busy"))
                        .anyMatch(presenceOf(carol, "offline"));
            }
        }
    }

    @Test
    void devicesCombineBusyOverOnlineOverAwayAndChoicesAreRemembered() {
        TestUser laptop = TestUser.register(server, "pm");
        TestUser phone = laptop.newDevice();
        TestUser bob = TestUser.register(server, "pm");
        TestUser.befriend(laptop, bob);
        try (WsClient bobWs = bob.ws()) {
            bobWs.next("presence", presenceOf(laptop, "offline"));
            try (WsClient laptopWs = laptop.ws()) {
                bobWs.next("presence", presenceOf(laptop, "online"));
                try (WsClient phoneWs = phone.ws()) {
                    phoneWs.ok("presence.set", Map.of("state", "away"));
                    laptopWs.ok("presence.set", Map.of("state", "away"));
                    bobWs.next("presence", presenceOf(laptop, "away"));
                    assertThat(phone.api.put("/api/v1/presence", Map.of("state", "busy")).status()).isEqualTo(204);
                    bobWs.next("presence", presenceOf(laptop, "busy"));
                }
                bobWs.next("presence", presenceOf(laptop, "away"));
            }
            assertThat(bobWs.next("presence", presenceOf(laptop, "offline")).get("lastSeenAt").asLong()).isPositive();
            try (WsClient again = phone.ws()) {
                bobWs.next("presence", presenceOf(laptop, "busy"));
            }
            bobWs.next("presence", presenceOf(laptop, "offline"));
            bobWs.ok("ping", Map.of());
            assertThat(bobWs.all().stream().filter(m -> "presence".equals(WsClient.type(m))).map(m -> m.get("state").asText()))
                    .as("every combined state in order, and no online while the phone was away and the laptop online")
                    .containsExactly("offline", "online", "away", "busy", "away", "offline", "busy", "offline");
        }
        assertThat(bob.api.get("/api/v1/contacts").json().get("contacts").get(0).get("presence").get("state").asText())
                .isEqualTo("offline");
        assertThat(laptop.api.put("/api/v1/presence", Map.of("state", "offline")).code()).isEqualTo("invalid_field");
    }
}
