package dev.confab.client.e2e;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.e2e.E2E.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.MessageState;
import dev.confab.client.core.presence.Presence;
import dev.confab.testkit.AtRest;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.PresenceState;
import dev.confab.protocol.rest.Envelope;
import dev.confab.protocol.rest.SendMessageRequest;
import dev.confab.protocol.ws.CallMedia;
import dev.confab.testkit.ServerProcess;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two users become contacts, watch each other's presence, and chat both ways with receipts; a third user who is
 * not their contact is refused everything; and nothing readable is left at rest, on either side. One real server
 * for the class; the tests run in order and build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContactsPresenceChatTest {
    private static final Duration PRESENCE_LIMIT = Duration.ofSeconds(1);

    @RegisterExtension
    static final Friends friends = Friends.standard();
    static ServerProcess server;
    static TestUser alice;
    static TestUser bob;
    static TestUser carol;

    @BeforeAll
    static void cast() {
        server = friends.server();
        alice = friends.alice();
        bob = friends.bob();
        carol = friends.register("carol");
    }

    @Test
    @Order(1)
    void presenceChangesReachTheContactWithinASecond() {
        bob.client.presence().set(PresenceState.AWAY);
        within(PRESENCE_LIMIT).until(() -> alice.presenceOf(bob) == Presence.AWAY);

        bob.client.presence().set(PresenceState.BUSY);
        within(PRESENCE_LIMIT).until(() -> alice.presenceOf(bob) == Presence.BUSY);

        bob.client.presence().set(PresenceState.ONLINE);
        within(PRESENCE_LIMIT).until(() -> alice.presenceOf(bob) == Presence.ONLINE);

        bob.close();
        within(PRESENCE_LIMIT).until(() -> alice.presenceOf(bob) == Presence.OFFLINE);
        assertThat(alice.client.contacts().byId(bob.userId()).orElseThrow().lastSeenAt()).isPositive();

        bob.reopen();
        eventually().until(() -> bob.client.connection().connected()); // the change: bob is back
        within(PRESENCE_LIMIT).until(() -> alice.presenceOf(bob) == Presence.ONLINE);
        eventually().until(() -> bob.presenceOf(alice) == Presence.ONLINE);
    }

    @Test
    @Order(2)
    void messagesGoBothWaysWithDeliveredAndReadReceipts() {
        ChatMessage hello = alice.send(bob, "hello bob, this is alice");
        eventually().until(() -> bob.events.textsFrom(alice.userId()).contains("hello bob, this is alice"));
        eventually().until(() -> alice.stateOf(hello) == MessageState.DELIVERED);
        assertThat(bob.client.chat().markRead(alice.userId())).isEqualTo(1);
        eventually().until(() -> alice.stateOf(hello) == MessageState.READ);

        ChatMessage reply = bob.send(alice, "hi alice, bob here");
        eventually().until(() -> alice.events.textsFrom(bob.userId()).contains("hi alice, bob here"));
        eventually().until(() -> bob.stateOf(reply) == MessageState.DELIVERED);
        alice.client.chat().markRead(bob.userId());
        eventually().until(() -> bob.stateOf(reply) == MessageState.READ);

        assertThat(alice.events.changes).filteredOn(m -> m.messageId().equals(hello.messageId()))
                .extracting(ChatMessage::state).containsSubsequence(MessageState.SENT, MessageState.DELIVERED, MessageState.READ);
        assertThat(bob.client.chat().history(alice.userId(), null, 10).messages())
                .extracting(ChatMessage::text).containsExactly("hi alice, bob here", "hello bob, this is alice");
        assertThat(bob.events.textsFrom(alice.userId())).containsExactly("hello bob, this is alice");
    }

    @Test
    @Order(3)
    void bothSidesComputeTheSameSafetyNumber() {
        alice.client.keys().refresh(bob.userId());
        bob.client.keys().refresh(alice.userId());
        alice.client.keys().refresh(alice.userId());
        bob.client.keys().refresh(bob.userId());
        String seenByAlice = alice.client.keys().safetyNumber(bob.userId());
        assertThat(seenByAlice).matches("(\\d{5} ){11}\\d{5}");
        assertThat(bob.client.keys().safetyNumber(alice.userId())).isEqualTo(seenByAlice);
    }

    @Test
    @Order(4)
    void aStrangerCanNeitherMessageNorSeeNorCallNorFetchKeys() throws Exception {
        // Messaging: the client refuses to queue to a non-contact, and the server refuses a hand-made send.
        assertThatThrownBy(() -> carol.client.contacts().contactId("alice"))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).code()).isEqualTo(ErrorCode.NOT_CONTACTS));
        String sealedJunk = Base64.getEncoder().encodeToString(new byte[200]);
        assertThatThrownBy(() -> carol.client.api().sendMessage(new SendMessageRequest("m-stranger-1", alice.userId(),
                List.of(new Envelope(alice.client.account().require().deviceId(), sealedJunk)))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_CONTACTS));

        // Keys: only the user, contacts and the two sides of a pending request may fetch them (docs/protocol.md:
        // "of a user who is not the caller, a contact or the other side of a pending request, 403 forbidden").
        assertThatThrownBy(() -> carol.client.api().userKeys(alice.userId()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));

        // Calls: the invite is answered with an error naming not_contacts.
        eventually().until(() -> carol.client.connection().connected());
        assertThatThrownBy(() -> carol.client.calls().signaling().invite(carol.client.calls().signaling().newCallId(), alice.userId(), CallMedia.AUDIO,
                "v=0\r\n", "signature").get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_CONTACTS));
        assertThat(alice.events.calls).isEmpty();

        // Presence: carol sees no one, and alice's changes never reach her.
        alice.client.presence().set(PresenceState.BUSY);
        within(PRESENCE_LIMIT).until(() -> bob.presenceOf(alice) == Presence.BUSY);
        assertThat(carol.client.contacts().list()).isEmpty();
        assertThat(carol.events.presenceOf(alice.userId())).isEmpty();
        alice.client.presence().set(PresenceState.ONLINE);
    }

    @Test
    @Order(5)
    void nothingReadableIsLeftAtRestOnTheClientOrTheServer() throws Exception {
        String secret = "the eagle lands at midnight 7f3a";
        ChatMessage sent = alice.send(bob, secret);
        eventually().until(() -> bob.events.textsFrom(alice.userId()).contains(secret));
        eventually().until(() -> alice.stateOf(sent) == MessageState.DELIVERED);

        for (TestUser user : List.of(alice, bob)) {
            byte[] identityPrivate = user.client.account().identity().identity().privateKeyBytes();
            byte[] agreementPrivate = user.client.account().identity().agreement().privateKeyBytes();
            byte[] store = AtRest.filesIn(user.dir, "store.db", "store.db-wal");
            assertThat(store.length).as("%s's store files", user.username).isPositive();
            assertThat(AtRest.contains(store, secret)).as("%s's store holds the message", user.username).isFalse();
            assertThat(AtRest.contains(store, "hello bob, this is alice")).isFalse();
            assertThat(AtRest.contains(store, identityPrivate)).as("identity private key in %s's store", user.username).isFalse();
            assertThat(AtRest.contains(store, agreementPrivate)).as("agreement private key in %s's store", user.username).isFalse();
            assertThat(AtRest.contains(store, Base64.getEncoder().encode(identityPrivate))).isFalse();
            assertThat(AtRest.contains(store, Base64.getEncoder().encode(agreementPrivate))).isFalse();
        }
        byte[] serverDb = AtRest.filesIn(server.dataDir(), "confab.db", "confab.db-wal");
        assertThat(serverDb.length).as("the server's database files").isPositive();
        for (String text : List.of(secret, "hello bob, this is alice", "hi alice, bob here")) {
            assertThat(AtRest.contains(serverDb, text)).as("server holds '%s'", text).isFalse();
        }
    }

    @Test
    @Order(6)
    void anotherDeviceOfTheSenderGetsACopyOfWhatWasSent() {
        TestUser laptop = TestUser.signIn(server.baseUrl(), friends.profiles().resolve("alice-laptop"), "alice");
        try {
            alice.client.keys().refresh(alice.userId());
            assertThat(alice.client.keys().devices(alice.userId())).hasSize(2);
            // Alice checked that the new device is hers (see OwnDevicesTest): until then it would get no copy.
            assertThat(alice.client.keys().trustDevice(alice.userId(), laptop.deviceId())).isTrue();
            ChatMessage sent = alice.send(bob, "written on the desktop");
            eventually().until(() -> laptop.events.messages.stream().anyMatch(m -> m.messageId().equals(sent.messageId())));
            ChatMessage copy = laptop.client.chat().message(alice.userId(), sent.messageId()).orElseThrow();
            assertThat(copy.outgoing()).isTrue();
            assertThat(copy.peerUserId()).isEqualTo(bob.userId());
            assertThat(copy.text()).isEqualTo("written on the desktop");
            eventually().until(() -> bob.events.textsFrom(alice.userId()).contains("written on the desktop"));
            // Bob hears about alice's new device and must decide before writing to her again.
            eventually().until(() -> bob.events.keyChanges.stream().anyMatch(k -> k.userId().equals(alice.userId())));
        } finally {
            laptop.close();
        }
    }

    @Test
    @Order(7)
    void aMessageThatDoesNotOpenIsRecordedAsUndecryptableAndAcknowledged() {
        byte[] junk = new byte[300];
        junk[0] = 1; // the current envelope version, so it gets as far as the signature check
        String ciphertext = Base64.getEncoder().encodeToString(junk);
        List<Envelope> envelopes = bob.client.api().userKeys(alice.userId()).devices().stream()
                .map(d -> new Envelope(d.deviceId(), ciphertext)).toList();
        bob.client.api().sendMessage(new SendMessageRequest("forged-1", alice.userId(), envelopes));

        eventually().until(() -> alice.events.messages.stream().anyMatch(m -> m.messageId().equals("forged-1")));
        ChatMessage recorded = alice.client.chat().message(bob.userId(), "forged-1").orElseThrow();
        assertThat(recorded.undecryptable()).isTrue();
        assertThat(recorded.text()).isNull();
        assertThat(recorded.problem()).contains("Could not be decrypted").contains("signature");

        // It was acknowledged: the server's inbox for alice's device empties, and a new connection brings nothing.
        eventually().until(() -> alice.client.api().inbox(10).entries().isEmpty());
        alice.close();
        alice.reopen();
        eventually().until(() -> alice.client.connection().connected());
        bob.client.keys().trust(alice.userId());
        ChatMessage after = bob.send(alice, "after the forgery");
        eventually().until(() -> alice.events.textsFrom(bob.userId()).contains("after the forgery"));
        // The reopened client was handed only the new message, and the forgery is stored exactly once.
        assertThat(alice.events.messages).extracting(ChatMessage::messageId).containsExactly(after.messageId());
        assertThat(alice.client.chat().history(bob.userId(), null, 1000).messages()).extracting(ChatMessage::messageId)
                .containsOnlyOnce("forged-1");
    }

    @Test
    @Order(8)
    void aRevokedSessionSignsTheLiveClientOut() {
        TestUser tablet = TestUser.signIn(server.baseUrl(), friends.profiles().resolve("alice-tablet"), "alice");
        try {
            eventually().until(() -> tablet.client.connection().connected());
            String tabletSession = tablet.client.account().require().sessionId();
            alice.client.account().revokeSession(tabletSession);
            eventually().until(() -> !tablet.events.signedOut.isEmpty());
            assertThat(tablet.events.signedOut.getFirst()).contains("signed out");
            assertThat(tablet.client.account().signedIn()).isFalse();
            eventually().until(() -> tablet.client.connection().state() == dev.confab.client.core.events.ConnectionState.OFFLINE);
        } finally {
            tablet.close();
        }
    }
}
