package dev.confab.client.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.store.Profile;
import dev.confab.crypto.identity.DeviceIdentity;
import dev.confab.crypto.identity.PublicDeviceKeys;
import dev.confab.protocol.rest.DeviceKeys;
import dev.confab.protocol.rest.SendMessageRequest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox keeps composition order across outages, fails refused messages alone, and never loses one. */
class OutboxTest {
    @TempDir
    Path dir;
    private FakeServer server;
    private ConfabClient client;

    @BeforeEach
    void signIn() throws Exception {
        server = new FakeServer();
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(7);
        for (String user : List.of("bob", "carol")) {
            PublicDeviceKeys keys = DeviceIdentity.generate(random).publicKeys();
            server.keys.put(user, List.of(new DeviceKeys("dev-" + user, keys.identityKeyBase64(), keys.agreementKeyBase64(),
                    keys.agreementKeySignatureBase64())));
        }
        client = ConfabClient.open(ClientConfig.builder(new Profile(dir)).serverUrl(server.url()).random(random).build());
        client.account().login("me", "a password that is long");
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void messagesComposedDuringAnOutageGoOutInOrderOnceTheServerIsBack() {
        server.down = true;
        ChatMessage first = client.chat().send("bob", "one");
        ChatMessage second = client.chat().send("bob", "two");
        ChatMessage third = client.chat().send("carol", "three");
        ChatService.FlushResult paused = client.chat().flushOutbox();
        assertThat(paused).isEqualTo(new ChatService.FlushResult(0, 0, 3, java.util.Map.of()));
        assertThat(state(first)).isEqualTo(MessageState.SENDING);

        server.down = false;
        ChatMessage fourth = client.chat().send("bob", "four");
        assertThat(client.chat().flushOutbox()).isEqualTo(new ChatService.FlushResult(4, 0, 0, java.util.Map.of()));
        assertThat(server.received).extracting(SendMessageRequest::messageId)
                .containsExactly(first.messageId(), second.messageId(), third.messageId(), fourth.messageId());
        assertThat(List.of(first, second, third, fourth)).allSatisfy(m -> assertThat(state(m)).isEqualTo(MessageState.SENT));
        assertThat(client.chat().outboxEmpty()).isTrue();
        assertThat(client.chat().flushOutbox()).isEqualTo(new ChatService.FlushResult(0, 0, 0, java.util.Map.of()));
        assertThat(server.received).hasSize(4);
    }

    @Test
    void aRefusedMessageFailsAloneAndTheOthersFollowInOrder() {
        server.refuseText = "carol";
        ChatMessage toBob = client.chat().send("bob", "hello bob");
        ChatMessage toCarol = client.chat().send("carol", "hello carol");
        ChatMessage toBobAgain = client.chat().send("bob", "again");
        ChatService.FlushResult result = client.chat().flushOutbox();
        assertThat(result.sent()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.failures().get(toCarol.messageId()).code()).isEqualTo(dev.confab.protocol.ErrorCode.NOT_CONTACTS);
        assertThat(server.received).extracting(SendMessageRequest::messageId)
                .containsExactly(toBob.messageId(), toBobAgain.messageId());
        ChatMessage failed = client.chat().message("me", toCarol.messageId()).orElseThrow();
        assertThat(failed.state()).isEqualTo(MessageState.FAILED);
        assertThat(failed.problem()).contains("not contacts");
    }

    @Test
    void eachMessageIsSealedOnceForEveryTrustedDeviceOfTheRecipient() {
        client.chat().send("bob", "sealed");
        client.chat().flushOutbox();
        assertThat(server.received.getFirst().envelopes()).extracting(e -> e.deviceId()).containsExactly("dev-bob");
        assertThat(server.received.getFirst().envelopes().getFirst().ciphertext()).doesNotContain("sealed");
    }

    @Test
    void historyPagesNewestFirstWithACursor() {
        for (int i = 1; i <= 5; i++) {
            client.chat().send("bob", "m" + i);
        }
        HistoryPage page = client.chat().history("bob", null, 2);
        assertThat(page.messages()).extracting(ChatMessage::text).containsExactly("m5", "m4");
        HistoryPage older = client.chat().history("bob", page.nextBefore(), 2);
        assertThat(older.messages()).extracting(ChatMessage::text).containsExactly("m3", "m2");
        HistoryPage last = client.chat().history("bob", older.nextBefore(), 2);
        assertThat(last.messages()).extracting(ChatMessage::text).containsExactly("m1");
        assertThat(last.nextBefore()).isNull();
    }

    @Test
    void emptyAndOversizedTextsAreRefusedBeforeQueueing() {
        assertThatThrownBy(() -> client.chat().send("bob", "  ")).hasMessageContaining("needs some text");
        assertThatThrownBy(() -> client.chat().send("bob", "x".repeat(8193))).hasMessageContaining("at most");
        assertThat(client.chat().outboxEmpty()).isTrue();
    }

    private MessageState state(ChatMessage m) {
        return client.chat().message(m.senderUserId(), m.messageId()).orElseThrow().state();
    }
}
