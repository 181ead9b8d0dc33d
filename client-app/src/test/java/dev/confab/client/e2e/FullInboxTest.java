package dev.confab.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.ChatService;
import dev.confab.client.core.chat.MessageState;
import dev.confab.testkit.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A device's inbox holds a bounded number of undelivered items ({@code inbox_full} beyond it). A full inbox of one
 * of the sender's own devices costs that device its copy, not the message; a full inbox of the recipient makes that
 * conversation wait, in order, while the others go on. The server here keeps the fewest items per device it allows.
 */
class FullInboxTest {
    private static final int INBOX_MAX_ITEMS = 16;

    private ServerProcess server;
    private TestUser me;
    private TestUser oldLaptop;
    private TestUser bob;
    private TestUser carol;

    @BeforeEach
    void start() {
        server = ServerProcess.builder().set("limits.inbox-max-items", Integer.toString(INBOX_MAX_ITEMS)).build().start();
        Path profiles = server.dataDir().resolve("profiles");
        me = TestUser.registerOneShot(server.baseUrl(), profiles, "mia");
        bob = TestUser.registerOneShot(server.baseUrl(), profiles, "bob");
        carol = TestUser.registerOneShot(server.baseUrl(), profiles, "carol");
        for (TestUser friend : List.of(bob, carol)) {
            me.client.contacts().add(friend.username, null);
            friend.client.contacts().accept(me.username);
        }
        // Another device of mine that I trust but never open: its inbox fills up with the copies of what I send.
        oldLaptop = TestUser.signInOneShot(server.baseUrl(), profiles.resolve("mia-old-laptop"), "mia");
        me.client.keys().refresh(me.userId());
        me.client.keys().trustDevice(me.userId(), oldLaptop.deviceId());
    }

    @AfterEach
    void stop() {
        for (TestUser user : new TestUser[] {me, oldLaptop, bob, carol}) {
            if (user != null) {
                user.close();
            }
        }
        server.close();
    }

    @Test
    void aFullOwnInboxCostsOnlyTheCopyAndAFullRecipientInboxMakesOnlyThatConversationWait() {
        List<String> toBob = IntStream.rangeClosed(1, INBOX_MAX_ITEMS + 2).mapToObj(i -> "b" + i).toList();
        List<ChatMessage> first = toBob.subList(0, INBOX_MAX_ITEMS).stream().map(t -> me.send(bob, t)).toList();
        assertThat(me.client.chat().flushOutbox()).isEqualTo(new ChatService.FlushResult(INBOX_MAX_ITEMS, 0, 0, Map.of()));
        // Now bob's device and my old laptop each hold as many items as the server allows: both inboxes are full.

        ChatMessage waits = me.send(bob, toBob.get(INBOX_MAX_ITEMS));
        ChatMessage c1 = me.send(carol, "c1");
        ChatMessage alsoWaits = me.send(bob, toBob.get(INBOX_MAX_ITEMS + 1));
        assertThat(me.client.chat().flushOutbox()).isEqualTo(new ChatService.FlushResult(1, 0, 2, Map.of()));
        assertThat(me.stateOf(c1)).isEqualTo(MessageState.SENT);
        assertThat(List.of(waits, alsoWaits)).allSatisfy(m -> assertThat(me.stateOf(m)).isEqualTo(MessageState.SENDING));
        assertThat(me.client.chat().message(me.userId(), waits.messageId()).orElseThrow().problem())
                .contains("Waiting").contains("too many undelivered messages");
        carol.client.chat().syncInbox();
        assertThat(texts(carol)).containsExactly("c1");

        // Bob comes online and takes his messages; the next run (a new client, as the next 'confab sync') sends the rest.
        bob.client.chat().syncInbox();
        me.close();
        me.open();
        assertThat(me.client.chat().flushOutbox()).isEqualTo(new ChatService.FlushResult(2, 0, 0, Map.of()));
        assertThat(me.client.chat().message(me.userId(), waits.messageId()).orElseThrow().problem()).isNull();
        bob.client.chat().syncInbox();
        assertThat(texts(bob)).containsExactlyElementsOf(toBob);
        assertThat(first).allSatisfy(m -> assertThat(me.stateOf(m)).isIn(MessageState.SENT, MessageState.DELIVERED));
    }

    /** The conversation with me as {@code owner} stored it, oldest first. */
    private List<String> texts(TestUser owner) {
        return owner.client.chat().history(me.userId(), null, 100).messages().reversed().stream().map(ChatMessage::text).toList();
    }
}
