package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Store-and-forward chat; run on both databases by the concrete suites. */
abstract class ChatBehaviour {
    private final ServerProcess server;

    ChatBehaviour(Db db) {
        this.server = TestServers.shared(db);
    }

    private static List<JsonNode> inboxMessages(WsClient ws, int count) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(ws.next("inbox", m -> m.get("item").get("type").asText().equals("message")));
        }
        return out;
    }

    @Test
    void envelopesMustMatchTheRecipientsKeyedDevices() {
        TestUser alice = TestUser.register(server, "dm").withKeys();
        TestUser alicePhone = alice.newDevice().withKeys();
        TestUser bob = TestUser.register(server, "dm").withKeys();
        TestUser bobPhone = bob.newDevice().withKeys();
        bob.newDevice();
        TestUser.befriend(alice, bob);

        Api.Reply missing = alice.api.post("/api/v1/messages", TestUser.message("dm-1", bob.userId, List.of(bob.deviceId)));
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.code()).isEqualTo("device_mismatch");
        assertThat(missing.json().get("details").get("missingDevices").get(0).asText()).isEqualTo(bobPhone.deviceId);
        assertThat(missing.json().get("details").get("extraDevices")).isEmpty();

        Api.Reply extra = alice.api.post("/api/v1/messages", TestUser.message("dm-2", bob.userId,
                List.of(bob.deviceId, bobPhone.deviceId, "d_stranger")));
        assertThat(extra.code()).isEqualTo("device_mismatch");
        assertThat(extra.json().get("details").get("extraDevices").get(0).asText()).isEqualTo("d_stranger");

        Api.Reply withCopy = alice.api.post("/api/v1/messages", TestUser.message("dm-3", bob.userId,
                List.of(bob.deviceId, bobPhone.deviceId, alicePhone.deviceId)));
        assertThat(withCopy.status()).isEqualTo(201);
        try (WsClient phoneWs = alicePhone.ws()) {
            JsonNode copy = phoneWs.next("inbox").get("item");
            assertThat(copy.get("messageId").asText()).isEqualTo("dm-3");
            assertThat(copy.get("recipientUserId").asText()).isEqualTo(bob.userId);
            assertThat(copy.get("senderDeviceId").asText()).isEqualTo(alice.deviceId);
        }
        TestUser stranger = TestUser.register(server, "dm").withKeys();
        assertThat(stranger.api.post("/api/v1/messages", TestUser.message("dm-4", bob.userId, List.of(bob.deviceId,
                bobPhone.deviceId))).code()).isEqualTo("not_contacts");
    }

    @Test
    void aRepeatedMessageIdIsAnsweredLikeTheFirstAndStoredOnce() {
        TestUser alice = TestUser.register(server, "id").withKeys();
        TestUser bob = TestUser.register(server, "id").withKeys();
        TestUser.befriend(alice, bob);
        Map<String, Object> body = TestUser.message("same-id", bob.userId, List.of(bob.deviceId));
        Api.Reply first = alice.api.post("/api/v1/messages", body);
        Api.Reply second = alice.api.post("/api/v1/messages", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(bob.api.get("/api/v1/inbox").json().get("entries")).hasSize(1);
    }

    @Test
    void concurrentSendersArePushedInSequenceOrder() throws Exception {
        TestUser bob = TestUser.register(server, "ord").withKeys();
        TestUser alice = TestUser.register(server, "ord").withKeys();
        TestUser carol = TestUser.register(server, "ord").withKeys();
        TestUser.befriend(alice, bob);
        TestUser.befriend(carol, bob);
        int perSender = 25;
        try (WsClient bobWs = bob.ws(); ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Api.Reply>> sends = new ArrayList<>();
            for (int i = 0; i < perSender; i++) {
                for (TestUser sender : List.of(alice, carol)) {
                    String id = sender.username + "-" + i;
                    sends.add(pool.submit(() -> sender.api.post("/api/v1/messages", TestUser.message(id, bob.userId,
                            List.of(bob.deviceId)))));
                }
            }
            for (var f : sends) {
                assertThat(f.get().status()).isEqualTo(201);
            }
            List<JsonNode> items = inboxMessages(bobWs, 2 * perSender);
            List<Long> seqs = items.stream().map(m -> m.get("seq").asLong()).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            Set<String> ids = new HashSet<>();
            items.forEach(m -> ids.add(m.get("item").get("messageId").asText()));
            assertThat(ids).hasSize(2 * perSender);
            for (TestUser sender : List.of(alice, carol)) {
                List<String> fromSender = items.stream().map(m -> m.get("item").get("messageId").asText())
                        .filter(id -> id.startsWith(sender.username + "-")).toList();
                assertThat(fromSender).hasSize(perSender);
            }
        }
    }

    @Test
    void unacknowledgedItemsComeBackAfterReconnectAndAcknowledgedOnesDoNot() {
        TestUser alice = TestUser.register(server, "ack").withKeys();
        TestUser bob = TestUser.register(server, "ack").withKeys();
        TestUser.befriend(alice, bob);
        for (int i = 1; i <= 3; i++) {
            assertThat(alice.api.post("/api/v1/messages", TestUser.message("ack-" + i, bob.userId, List.of(bob.deviceId)))
                    .status()).isEqualTo(201);
        }
        long firstSeq;
        try (WsClient ws = bob.ws()) {
            List<JsonNode> items = inboxMessages(ws, 3);
            assertThat(items).extracting(m -> m.get("item").get("messageId").asText()).containsExactly("ack-1", "ack-2", "ack-3");
            firstSeq = items.get(0).get("seq").asLong();
            ws.ok("inbox.ack", Map.of("upToSeq", firstSeq));
        }
        try (WsClient ws = bob.ws()) {
            List<JsonNode> items = inboxMessages(ws, 2);
            assertThat(items).extracting(m -> m.get("item").get("messageId").asText()).containsExactly("ack-2", "ack-3");
            assertThat(bob.api.post("/api/v1/inbox/ack", Map.of("upToSeq", items.get(1).get("seq").asLong())).status())
                    .isEqualTo(204);
        }
        JsonNode page = bob.api.get("/api/v1/inbox").json();
        assertThat(page.get("entries").findValuesAsText("messageId")).doesNotContain("ack-1", "ack-2", "ack-3");
    }

    @Test
    void theFirstRecipientDeviceAckDeliversAndReadProducesReadReceipts() {
        TestUser alice = TestUser.register(server, "rc").withKeys();
        TestUser bob = TestUser.register(server, "rc").withKeys();
        TestUser bobPhone = bob.newDevice().withKeys();
        TestUser.befriend(alice, bob);
        try (WsClient aliceWs = alice.ws(); WsClient bobWs = bob.ws(); WsClient phoneWs = bobPhone.ws()) {
            alice.api.post("/api/v1/messages", TestUser.message("rc-1", bob.userId, List.of(bob.deviceId, bobPhone.deviceId)));
            bobWs.ok("inbox.ack", Map.of("upToSeq", bobWs.next("inbox").get("seq").asLong()));
            JsonNode delivered = aliceWs.next("inbox").get("item");
            assertThat(delivered.get("type").asText()).isEqualTo("receipt");
            assertThat(delivered.get("status").asText()).isEqualTo("delivered");
            assertThat(delivered.get("byUserId").asText()).isEqualTo(bob.userId);
            assertThat(delivered.get("messageId").asText()).isEqualTo("rc-1");
            phoneWs.ok("inbox.ack", Map.of("upToSeq", phoneWs.next("inbox").get("seq").asLong()));

            assertThat(bob.api.post("/api/v1/messages/read", Map.of("messageIds", List.of("rc-1"))).status()).isEqualTo(204);
            JsonNode read = aliceWs.next("inbox").get("item");
            assertThat(read.get("status").asText()).isEqualTo("read");
            aliceWs.assertNone("inbox"); // one delivered receipt only
        }
        JsonNode meta = alice.api.get("/api/v1/conversations/" + bob.userId + "/messages").json().get("messages").get(0);
        assertThat(meta.get("deliveredAt").asLong()).isPositive();
        assertThat(meta.get("readAt").asLong()).isPositive();
    }

    @Test
    void noDeliveredReceiptCrossesABlock() {
        TestUser alice = TestUser.register(server, "nb").withKeys();
        TestUser bob = TestUser.register(server, "nb").withKeys();
        TestUser.befriend(alice, bob);
        assertThat(alice.api.post("/api/v1/messages", TestUser.message("nb-1", bob.userId, List.of(bob.deviceId))).status())
                .isEqualTo(201);
        assertThat(bob.api.put("/api/v1/blocks/" + alice.userId, "").status()).isEqualTo(204);
        long seq = bob.api.get("/api/v1/inbox").json().get("entries").get(0).get("seq").asLong();
        assertThat(bob.api.post("/api/v1/inbox/ack", Map.of("upToSeq", seq)).status()).isEqualTo(204);
        assertThat(bob.api.post("/api/v1/messages/read", Map.of("messageIds", List.of("nb-1"))).status()).isEqualTo(204);
        assertThat(alice.api.get("/api/v1/inbox").json().get("entries")).as("receipts in alice's inbox").isEmpty();
    }

    /**
     * Two users with three keyed devices each send to each other from every device at once, copying their own
     * other devices and listing envelopes in shuffled orders, while every device acknowledges and reads what it
     * gets. On PostgreSQL, transactions locking device rows in different orders used to deadlock (a 500).
     */
    @Test
    void multiDeviceUsersSendingToEachOtherConcurrentlyNeverFailAndEveryDeviceGetsEverything() throws Exception {
        TestUser alice = TestUser.register(server, "dl").withKeys();
        TestUser bob = TestUser.register(server, "dl").withKeys();
        List<TestUser> aliceDevices = List.of(alice, alice.newDevice().withKeys(), alice.newDevice().withKeys());
        List<TestUser> bobDevices = List.of(bob, bob.newDevice().withKeys(), bob.newDevice().withKeys());
        TestUser.befriend(alice, bob);
        int rounds = 25;
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<TestUser, Set<String>> received = new ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        List<TestUser> everyone = new ArrayList<>(aliceDevices);
        everyone.addAll(bobDevices);
        try (ExecutorService pool = Executors.newFixedThreadPool(2 * everyone.size())) {
            List<Future<?>> readers = new ArrayList<>();
            for (TestUser device : everyone) {
                received.put(device, ConcurrentHashMap.newKeySet());
                readers.add(pool.submit(() -> drainInbox(device, received.get(device), 5 * rounds, sending, failures)));
            }
            List<Future<?>> senders = new ArrayList<>();
            for (TestUser device : everyone) {
                boolean isAlice = aliceDevices.contains(device);
                List<TestUser> peers = isAlice ? bobDevices : aliceDevices;
                List<TestUser> own = isAlice ? aliceDevices : bobDevices;
                senders.add(pool.submit(() -> {
                    Random random = new Random(device.deviceId.hashCode());
                    for (int i = 0; i < rounds && failures.isEmpty(); i++) {
                        List<String> targets = new ArrayList<>();
                        peers.forEach(d -> targets.add(d.deviceId));
                        own.stream().filter(d -> d != device).forEach(d -> targets.add(d.deviceId));
                        Collections.shuffle(targets, random);
                        String id = device.deviceId + "-" + i;
                        Api.Reply r = device.api.post("/api/v1/messages", TestUser.message(id, peers.getFirst().userId, targets));
                        if (r.status() != 201) {
                            failures.add("send " + id + ": " + r);
                        }
                    }
                }));
            }
            for (Future<?> f : senders) {
                f.get(2, TimeUnit.MINUTES);
            }
            sending.set(false);
            for (Future<?> f : readers) {
                f.get(2, TimeUnit.MINUTES);
            }
        }
        assertThat(failures).as("failed requests").isEmpty();
        for (TestUser device : everyone) {
            assertThat(received.get(device)).as("messages %s got", device).hasSize(5 * rounds);
        }
    }

    /** Reads and acknowledges a device's inbox, reading the messages sent to it, until it has {@code expected}. */
    private static void drainInbox(TestUser device, Set<String> received, int expected, AtomicBoolean sending,
            Queue<String> failures) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while ((sending.get() || received.size() < expected) && System.nanoTime() < deadline && failures.isEmpty()) {
            Api.Reply page = device.api.get("/api/v1/inbox?limit=500");
            if (page.status() != 200) {
                failures.add("inbox of " + device + ": " + page);
                return;
            }
            JsonNode entries = page.json().get("entries");
            List<String> toRead = new ArrayList<>();
            for (JsonNode e : entries) {
                JsonNode item = e.get("item");
                if (item.get("type").asText().equals("message")) {
                    received.add(item.get("messageId").asText());
                    if (item.get("recipientUserId").asText().equals(device.userId)) {
                        toRead.add(item.get("messageId").asText());
                    }
                }
            }
            if (entries.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            } else {
                long last = entries.get(entries.size() - 1).get("seq").asLong();
                Api.Reply ack = device.api.post("/api/v1/inbox/ack", Map.of("upToSeq", last));
                Api.Reply read = toRead.isEmpty() ? ack : device.api.post("/api/v1/messages/read", Map.of("messageIds", toRead));
                for (Api.Reply r : List.of(ack, read)) {
                    if (r.status() != 204) {
                        failures.add("ack or read of " + device + ": " + r);
                    }
                }
            }
        }
    }

    @Test
    void historyPagesNewestFirstWithoutGapsOrRepeats() {
        TestUser alice = TestUser.register(server, "hi").withKeys();
        TestUser bob = TestUser.register(server, "hi").withKeys();
        TestUser.befriend(alice, bob);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestUser from = i % 2 == 0 ? alice : bob;
            TestUser to = i % 2 == 0 ? bob : alice;
            String id = "hist-" + i;
            assertThat(from.api.post("/api/v1/messages", TestUser.message(id, to.userId, List.of(to.deviceId))).status()).isEqualTo(201);
            sent.add(id);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/api/v1/conversations/" + bob.userId + "/messages?limit=2" + (cursor == null ? "" : "&before=" + cursor);
            JsonNode page = alice.api.get(path).json();
            page.get("messages").forEach(m -> seen.add(m.get("messageId").asText()));
            cursor = page.hasNonNull("nextBefore") ? page.get("nextBefore").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyElementsOf(sent.reversed());
        assertThat(pages).isEqualTo(3);
        assertThat(alice.api.get("/api/v1/conversations/" + bob.userId + "/messages?before=garbage!").code()).isEqualTo("invalid_field");
        assertThat(alice.api.get("/api/v1/conversations/" + bob.userId + "/messages?limit=1000").code()).isEqualTo("invalid_field");
    }
}
