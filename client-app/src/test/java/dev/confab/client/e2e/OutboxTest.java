package dev.confab.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.ChatService;
import dev.confab.client.core.chat.HistoryPage;
import dev.confab.client.core.chat.MessageState;
import dev.confab.testkit.AtRest;
import dev.confab.crypto.seal.MessageSealer;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.Json;
import dev.confab.protocol.chat.ChatPayload;
import dev.confab.protocol.inbox.InboxEntry;
import dev.confab.protocol.inbox.InboxMessage;
import dev.confab.testkit.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox against the real server, driven step by step: the users here are one-shot clients (not started), so
 * nothing is sent until the test calls {@code flushOutbox}. The outbox keeps composition order across an outage (the
 * server stopped), fails a refused message alone, seals once per device of the recipient, never loses a message, and
 * refuses at once a text that could not be sealed.
 */
class OutboxTest {
    private static final AtomicInteger USERS = new AtomicInteger();
    static ServerProcess server;
    TestUser me;
    TestUser bob;
    TestUser carol;

    @BeforeAll
    static void startServer() {
        // Every test registers its own users.
        server = ServerProcess.builder().set("limits.register-per-address", "1000/1m")
                .set("limits.sign-in-per-address", "1000/1m").build().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void users() {
        int n = USERS.incrementAndGet();
        me = register("me" + n);
        bob = register("bob" + n);
        carol = register("carol" + n);
        befriend(me, bob);
        befriend(me, carol);
    }

    @AfterEach
    void closeUsers() {
        for (TestUser user : new TestUser[] {me, bob, carol}) {
            user.close();
        }
    }

    @Test
    void messagesComposedDuringAnOutageGoOutInOrderOnceTheServerIsBack() {
        server.stop();
        ChatMessage first = me.send(bob, "one");
        ChatMessage second = me.send(bob, "two");
        ChatMessage third = me.send(carol, "three");
        assertThat(me.client.chat().flushOutbox()).isEqualTo(new ChatService.FlushResult(0, 0, 3, Map.of()));
        assertThat(me.stateOf(first)).isEqualTo(MessageState.SENDING);

        server.start();
        ChatMessage fourth = me.send(bob, "four");
        assertThat(me.client.chat().flushOutbox()).isEqualTo(new ChatService.FlushResult(4, 0, 0, Map.of()));
        assertThat(me.client.chat().outboxEmpty()).isTrue();
        assertThat(me.client.chat().flushOutbox()).isEqualTo(new ChatService.FlushResult(0, 0, 0, Map.of()));
        List<ChatMessage> all = List.of(first, second, third, fourth);
        assertThat(all).allSatisfy(m -> assertThat(me.stateOf(m)).isEqualTo(MessageState.SENT));
        assertThat(all).extracting(m -> stored(me, m).serverTimestamp()).isSorted();

        bob.client.chat().syncInbox();
        carol.client.chat().syncInbox();
        assertThat(texts(bob, me)).containsExactly("one", "two", "four");
        assertThat(texts(carol, me)).containsExactly("three");
    }

    @Test
    void aRefusedMessageFailsAloneAndTheOthersFollowInOrder() {
        me.client.keys().refresh(carol.userId()); // pinned while they are contacts
        carol.client.contacts().remove(me.username);
        ChatMessage toBob = me.send(bob, "hello bob");
        ChatMessage toCarol = me.send(carol, "hello carol");
        ChatMessage toBobAgain = me.send(bob, "again");

        ChatService.FlushResult result = me.client.chat().flushOutbox();
        assertThat(result.sent()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.failures().get(toCarol.messageId()).code()).isEqualTo(ErrorCode.NOT_CONTACTS);
        ChatMessage failed = stored(me, toCarol);
        assertThat(failed.state()).isEqualTo(MessageState.FAILED);
        assertThat(failed.problem()).contains("not contacts");
        assertThat(me.stateOf(toBob)).isEqualTo(MessageState.SENT);
        assertThat(me.stateOf(toBobAgain)).isEqualTo(MessageState.SENT);
        bob.client.chat().syncInbox();
        assertThat(texts(bob, me)).containsExactly("hello bob", "again");
    }

    @Test
    void eachMessageIsSealedOnceForEveryDeviceOfTheRecipient() {
        TestUser phone = TestUser.signInOneShot(server.baseUrl(), bob.dir.resolveSibling(bob.username + "-phone"), bob.username);
        try {
            ChatMessage sent = me.send(bob, "sealed for two");
            assertThat(me.client.chat().flushOutbox().sent()).isEqualTo(1);
            for (TestUser device : List.of(bob, phone)) {
                List<InboxMessage> copies = device.client.api().inbox(100).entries().stream().map(InboxEntry::item)
                        .filter(InboxMessage.class::isInstance).map(InboxMessage.class::cast)
                        .filter(m -> m.messageId().equals(sent.messageId())).toList();
                assertThat(copies).as("copies for %s", device.dir.getFileName()).hasSize(1);
                assertThat(AtRest.contains(Base64.getDecoder().decode(copies.getFirst().ciphertext()), "sealed for two")).isFalse();
                device.client.chat().syncInbox();
                assertThat(texts(device, me)).containsExactly("sealed for two");
            }
        } finally {
            phone.close();
        }
    }

    @Test
    void historyPagesNewestFirstWithACursor() {
        for (int i = 1; i <= 5; i++) {
            me.send(bob, "m" + i);
        }
        HistoryPage page = me.client.chat().history(bob.userId(), null, 2);
        assertThat(page.messages()).extracting(ChatMessage::text).containsExactly("m5", "m4");
        HistoryPage older = me.client.chat().history(bob.userId(), page.nextBefore(), 2);
        assertThat(older.messages()).extracting(ChatMessage::text).containsExactly("m3", "m2");
        HistoryPage last = me.client.chat().history(bob.userId(), older.nextBefore(), 2);
        assertThat(last.messages()).extracting(ChatMessage::text).containsExactly("m1");
        assertThat(last.nextBefore()).isNull();
    }

    @Test
    void emptyAndOversizedTextsAreRefusedBeforeQueueing() {
        assertThatThrownBy(() -> me.send(bob, "  ")).hasMessageContaining("needs some text");
        assertThatThrownBy(() -> me.send(bob, "x".repeat(ChatPayload.MAX_TEXT + 1))).hasMessageContaining("at most");
        assertThat(me.client.chat().outboxEmpty()).isTrue();
    }

    /** The sealer counts bytes: texts of 3- and 4-byte characters fill the limit long before the character limit. */
    @Test
    void cjkAndEmojiTextsAreMeasuredInEncodedBytes() {
        // composedAt has 13 digits until the year 2286, so the JSON around the text has a fixed size.
        int budget = MessageSealer.MAX_PLAINTEXT_LENGTH
                - (Json.encode(new ChatPayload("a", System.currentTimeMillis())).getBytes(StandardCharsets.UTF_8).length - 1);
        String cjk = "字".repeat(budget / 3) + "a".repeat(budget % 3);
        String emoji = "😀".repeat(budget / 4) + "a".repeat(budget % 4);
        assertThat(List.of(cjk, emoji)).allSatisfy(text -> {
            assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(budget);
            assertThat(text.length()).isLessThanOrEqualTo(ChatPayload.MAX_TEXT);
        });

        for (String over : List.of(cjk + "a", emoji + "a", "😀".repeat(ChatPayload.MAX_TEXT / 2))) {
            assertThatThrownBy(() -> me.send(bob, over)).isInstanceOf(ClientException.class)
                    .hasMessageContaining("too long").hasMessageContaining("bytes");
        }
        assertThat(me.client.chat().outboxEmpty()).isTrue();

        ChatMessage cjkSent = me.send(bob, cjk);
        ChatMessage emojiSent = me.send(bob, emoji);
        assertThat(me.client.chat().flushOutbox()).isEqualTo(new ChatService.FlushResult(2, 0, 0, Map.of()));
        bob.client.chat().syncInbox();
        assertThat(texts(bob, me)).containsExactly(cjk, emoji);
        assertThat(List.of(cjkSent, emojiSent)).allSatisfy(m -> assertThat(me.stateOf(m)).isEqualTo(MessageState.SENT));
    }

    private static TestUser register(String username) {
        return TestUser.registerOneShot(server.baseUrl(), server.dataDir().resolve("profiles"), username);
    }

    private static void befriend(TestUser a, TestUser b) {
        a.client.contacts().add(b.username, null);
        b.client.contacts().accept(a.username);
    }

    private static ChatMessage stored(TestUser owner, ChatMessage m) {
        return owner.client.chat().message(m.senderUserId(), m.messageId()).orElseThrow();
    }

    /** The conversation with {@code peer} as {@code owner} stored it, oldest first. */
    private static List<String> texts(TestUser owner, TestUser peer) {
        return owner.client.chat().history(peer.userId(), null, 100).messages().reversed().stream().map(ChatMessage::text).toList();
    }
}
