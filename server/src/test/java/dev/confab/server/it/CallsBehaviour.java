package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Call signaling relay; run on both databases by the concrete suites. */
abstract class CallsBehaviour {
    private static final AtomicInteger CALLS = new AtomicInteger();
    private final ServerProcess server;
    private final String prefix;

    CallsBehaviour(Db db) {
        this.server = TestServers.shared(db);
        this.prefix = db.name().toLowerCase();
    }

    /** Alice (one device) and Bob (two devices), contacts, all connected. */
    private final class Cast implements AutoCloseable {
        final TestUser alice = TestUser.register(server, "call");
        final TestUser bob = TestUser.register(server, "call");
        final TestUser bobPhone = bob.newDevice();
        final WsClient aliceWs;
        final WsClient bobWs;
        final WsClient phoneWs;
        final String callId = prefix + "-call-" + CALLS.incrementAndGet();

        Cast() {
            TestUser.befriend(alice, bob);
            aliceWs = alice.ws();
            bobWs = bob.ws();
            phoneWs = bobPhone.ws();
        }

        void invite() {
            aliceWs.ok("call.invite", Map.of("callId", callId, "calleeUserId", bob.userId, "media", "video",
                    "sdp", "v=0 offer", "signature", "sig-offer"));
            for (WsClient ws : new WsClient[] {bobWs, phoneWs}) {
                JsonNode incoming = ws.next("call.incoming");
                assertThat(incoming.get("callId").asText()).isEqualTo(callId);
                assertThat(incoming.get("callerUserId").asText()).isEqualTo(alice.userId);
                assertThat(incoming.get("callerDeviceId").asText()).isEqualTo(alice.deviceId);
                assertThat(incoming.get("sdp").asText()).isEqualTo("v=0 offer");
            }
        }

        String ended(WsClient ws) {
            return ws.next("call.ended", m -> m.get("callId").asText().equals(callId)).get("reason").asText();
        }

        Map<String, Object> candidate(String text) {
            return Map.of("callId", callId, "candidate", Map.of("candidate", text, "sdpMid", "0", "sdpMLineIndex", 0));
        }

        @Override
        public void close() {
            aliceWs.close();
            bobWs.close();
            phoneWs.close();
        }
    }

    @Test
    void theFirstAcceptWinsAndThenOnlyTheTwoDevicesTalk() {
        try (Cast c = new Cast()) {
            c.invite();
            c.aliceWs.ok("call.candidate", c.candidate("candidate:1 before answer"));
            assertThat(c.bobWs.next("call.candidate").get("fromDeviceId").asText()).isEqualTo(c.alice.deviceId);
            assertThat(c.phoneWs.next("call.candidate").get("candidate").get("candidate").asText()).isEqualTo("candidate:1 before answer");
            c.bobWs.ok("call.ringing", Map.of("callId", c.callId));
            assertThat(c.aliceWs.next("call.ringing").get("deviceId").asText()).isEqualTo(c.bob.deviceId);

            c.phoneWs.ok("call.accept", Map.of("callId", c.callId, "sdp", "v=0 answer", "signature", "sig-answer"));
            JsonNode accepted = c.aliceWs.next("call.accepted");
            assertThat(accepted.get("deviceId").asText()).isEqualTo(c.bobPhone.deviceId);
            assertThat(accepted.get("sdp").asText()).isEqualTo("v=0 answer");
            assertThat(c.ended(c.bobWs)).isEqualTo("answered_elsewhere");
            assertThat(c.bobWs.request("call.accept", Map.of("callId", c.callId, "sdp", "v=0", "signature", "s"))
                    .get("code").asText()).isEqualTo("call_not_found");

            c.aliceWs.ok("call.candidate", c.candidate("candidate:2 after answer"));
            assertThat(c.phoneWs.next("call.candidate").get("candidate").get("candidate").asText()).isEqualTo("candidate:2 after answer");
            c.phoneWs.ok("call.candidate", c.candidate(""));
            assertThat(c.aliceWs.next("call.candidate").get("fromDeviceId").asText()).isEqualTo(c.bobPhone.deviceId);
            assertThat(c.bobWs.request("call.candidate", c.candidate("candidate:3")).get("code").asText()).isEqualTo("call_not_found");

            c.aliceWs.ok("call.sdp", Map.of("callId", c.callId, "kind", "offer", "sdp", "v=0 re-offer", "signature", "s2"));
            JsonNode sdp = c.phoneWs.next("call.sdp");
            assertThat(sdp.get("kind").asText()).isEqualTo("offer");
            assertThat(sdp.get("fromDeviceId").asText()).isEqualTo(c.alice.deviceId);

            c.phoneWs.ok("call.hangup", Map.of("callId", c.callId));
            assertThat(c.ended(c.aliceWs)).isEqualTo("hangup");
            c.bobWs.assertNone("call.candidate");
            assertThat(c.aliceWs.request("call.hangup", Map.of("callId", c.callId)).get("code").asText()).isEqualTo("call_not_found");
        }
    }

    @Test
    void aDeclineEndsTheCallForEveryone() {
        try (Cast c = new Cast()) {
            c.invite();
            c.bobWs.ok("call.reject", Map.of("callId", c.callId, "busy", false));
            assertThat(c.ended(c.aliceWs)).isEqualTo("declined");
            assertThat(c.ended(c.phoneWs)).isEqualTo("declined_elsewhere");
        }
    }

    @Test
    void theCallIsBusyOnlyWhenEveryRingingDeviceIsBusy() {
        try (Cast c = new Cast()) {
            c.invite();
            c.bobWs.ok("call.reject", Map.of("callId", c.callId, "busy", true));
            c.aliceWs.assertNone("call.ended");
            c.phoneWs.ok("call.reject", Map.of("callId", c.callId, "busy", true));
            assertThat(c.ended(c.aliceWs)).isEqualTo("busy");
        }
    }

    @Test
    void theCallerCanCancelBeforeAnAnswer() {
        try (Cast c = new Cast()) {
            c.invite();
            c.aliceWs.ok("call.cancel", Map.of("callId", c.callId));
            assertThat(c.ended(c.bobWs)).isEqualTo("cancelled");
            assertThat(c.ended(c.phoneWs)).isEqualTo("cancelled");
        }
    }

    @Test
    void nobodyAnsweringEndsNoAnswerForBothSides() {
        try (Cast c = new Cast()) {
            long start = System.nanoTime();
            c.invite();
            assertThat(c.ended(c.aliceWs)).isEqualTo("no_answer");
            assertThat(c.ended(c.bobWs)).isEqualTo("no_answer");
            assertThat(c.ended(c.phoneWs)).isEqualTo("no_answer");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
                    Duration.ofSeconds(TestServers.RING_TIMEOUT_SECONDS).minusMillis(100));
        }
    }

    @Test
    void aCalleeWithoutConnectedDevicesIsUnavailable() {
        TestUser alice = TestUser.register(server, "un");
        TestUser bob = TestUser.register(server, "un");
        TestUser.befriend(alice, bob);
        try (WsClient aliceWs = alice.ws()) {
            aliceWs.ok("call.invite", Map.of("callId", prefix + "-unavail-" + CALLS.incrementAndGet(), "calleeUserId",
                    bob.userId, "media", "audio", "sdp", "v=0", "signature", "s"));
            assertThat(aliceWs.next("call.ended").get("reason").asText()).isEqualTo("unavailable");
        }
    }

    @Test
    void aPartyThatStaysAwayPastTheGraceEndsTheCallPeerGone() {
        try (Cast c = new Cast()) {
            c.invite();
            c.bobWs.ok("call.accept", Map.of("callId", c.callId, "sdp", "v=0", "signature", "s"));
            c.aliceWs.next("call.accepted");
            c.bobWs.close();
            assertThat(c.ended(c.aliceWs)).isEqualTo("peer_gone");
        }
    }

    @Test
    void aPartyThatReconnectsWithinTheGraceKeepsItsCall() {
        try (Cast c = new Cast()) {
            c.invite();
            c.bobWs.ok("call.accept", Map.of("callId", c.callId, "sdp", "v=0", "signature", "s"));
            c.aliceWs.next("call.accepted");
            c.aliceWs.close();
            try (WsClient back = c.alice.ws()) {
                c.bobWs.ok("call.candidate", c.candidate("candidate:after reconnect"));
                assertThat(back.next("call.candidate").get("candidate").get("candidate").asText()).isEqualTo("candidate:after reconnect");
                await().during(Duration.ofSeconds(TestServers.GRACE_SECONDS).plusMillis(500))
                        .atMost(Duration.ofSeconds(TestServers.GRACE_SECONDS + 3))
                        .until(() -> !c.bobWs.has(m -> "call.ended".equals(WsClient.type(m))));
                back.ok("call.hangup", Map.of("callId", c.callId));
                assertThat(c.ended(c.bobWs)).isEqualTo("hangup");
            }
        }
    }

    @Test
    void blockingTheCallerEndsARingingCallAsADecline() {
        try (Cast c = new Cast()) {
            c.invite();
            assertThat(c.bob.api.put("/api/v1/blocks/" + c.alice.userId, "").status()).isEqualTo(204);
            assertThat(c.ended(c.aliceWs)).isEqualTo("declined");
            assertThat(c.ended(c.bobWs)).isEqualTo("declined_elsewhere");
            assertThat(c.ended(c.phoneWs)).isEqualTo("declined_elsewhere");
            assertThat(c.aliceWs.request("call.candidate", c.candidate("candidate:late")).get("code").asText())
                    .isEqualTo("call_not_found");
        }
    }

    @Test
    void removingTheContactHangsUpAnAnsweredCall() {
        try (Cast c = new Cast()) {
            c.invite();
            c.phoneWs.ok("call.accept", Map.of("callId", c.callId, "sdp", "v=0", "signature", "s"));
            c.aliceWs.next("call.accepted");
            assertThat(c.ended(c.bobWs)).isEqualTo("answered_elsewhere");
            assertThat(c.alice.api.delete("/api/v1/contacts/" + c.bob.userId).status()).isEqualTo(204);
            assertThat(c.ended(c.aliceWs)).isEqualTo("hangup");
            assertThat(c.ended(c.phoneWs)).isEqualTo("hangup");
        }
    }

    @Test
    void onlyContactsMayCallAndStrangersCannotTouchACall() {
        try (Cast c = new Cast()) {
            TestUser carol = TestUser.register(server, "call");
            try (WsClient carolWs = carol.ws()) {
                JsonNode refused = carolWs.request("call.invite", Map.of("callId", c.callId + "-x", "calleeUserId", c.bob.userId,
                        "media", "audio", "sdp", "v=0", "signature", "s"));
                assertThat(refused.get("code").asText()).isEqualTo("not_contacts");
                c.invite();
                assertThat(carolWs.request("call.candidate", c.candidate("candidate:evil")).get("code").asText())
                        .isEqualTo("call_not_found");
                assertThat(carolWs.request("call.cancel", Map.of("callId", c.callId)).get("code").asText())
                        .isEqualTo("call_not_found");
                JsonNode duplicate = c.aliceWs.request("call.invite", Map.of("callId", c.callId, "calleeUserId", c.bob.userId,
                        "media", "audio", "sdp", "v=0", "signature", "s"));
                assertThat(duplicate.get("code").asText()).isEqualTo("conflict");
                c.aliceWs.ok("call.cancel", Map.of("callId", c.callId));
            }
        }
    }
}
