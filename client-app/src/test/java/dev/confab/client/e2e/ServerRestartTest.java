package dev.confab.client.e2e;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.e2e.E2E.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.EndReason;
import dev.confab.client.core.chat.ChatListener;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.MessageState;
import dev.confab.client.core.events.ConnectionState;
import dev.confab.client.core.presence.Presence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server dies with SIGKILL mid-conversation and comes back: the clients reconnect by themselves, presence
 * converges within 5 s, everything the server acknowledged before the crash, everything in flight at the crash and
 * everything written during the outage arrives exactly once and in order; while disconnected, contacts show UNKNOWN,
 * never offline.
 */
class ServerRestartTest {
    @RegisterExtension
    final Friends friends = Friends.standard();
    TestUser alice;
    TestUser bob;

    @BeforeEach
    void cast() {
        alice = friends.alice();
        bob = friends.bob();
    }

    @Test
    void clientsRecoverFromAServerCrashWithoutLosingOrDuplicatingMessages() {
        List<String> aliceWrote = new ArrayList<>();
        List<String> bobWrote = new ArrayList<>();
        List<ChatMessage> acknowledged = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            aliceWrote.add("before crash a" + i);
            acknowledged.add(alice.send(bob, "before crash a" + i));
            bobWrote.add("before crash b" + i);
            acknowledged.add(bob.send(alice, "before crash b" + i));
        }
        // Every one of these was acknowledged by the server before the crash (some may not be delivered yet).
        eventually().until(() -> acknowledged.stream().allMatch(m -> sender(m).stateOf(m) != MessageState.SENDING));

        friends.server().kill();

        within(Duration.ofSeconds(5)).until(() -> alice.client.connection().state() == ConnectionState.RECONNECTING
                && bob.client.connection().state() == ConnectionState.RECONNECTING);
        within(Duration.ofSeconds(1)).until(() -> alice.presenceOf(bob) == Presence.UNKNOWN && bob.presenceOf(alice) == Presence.UNKNOWN);
        assertThat(alice.client.connection().nextAttemptAt()).isNotNull();

        List<ChatMessage> queued = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            aliceWrote.add("during outage a" + i);
            queued.add(alice.send(bob, "during outage a" + i));
            bobWrote.add("during outage b" + i);
            queued.add(bob.send(alice, "during outage b" + i));
        }
        assertThat(queued).allSatisfy(m -> assertThat(sender(m).stateOf(m)).isEqualTo(MessageState.SENDING));
        // While disconnected, contacts are unknown: never offline because of our own disconnection.
        assertThat(alice.events.presenceOf(bob.userId())).endsWith(Presence.ONLINE, Presence.UNKNOWN).doesNotContain(Presence.OFFLINE);
        assertThat(bob.events.presenceOf(alice.userId())).endsWith(Presence.ONLINE, Presence.UNKNOWN).doesNotContain(Presence.OFFLINE);

        friends.server().start();
        within(Duration.ofSeconds(5)).until(() -> alice.presenceOf(bob) == Presence.ONLINE && bob.presenceOf(alice) == Presence.ONLINE);

        eventually().until(() -> bob.events.textsFrom(alice.userId()).size() >= aliceWrote.size()
                && alice.events.textsFrom(bob.userId()).size() >= bobWrote.size());
        eventually().until(() -> queued.stream().allMatch(m -> sender(m).stateOf(m) == MessageState.DELIVERED));
        assertThat(bob.events.textsFrom(alice.userId())).containsExactlyElementsOf(aliceWrote);
        assertThat(alice.events.textsFrom(bob.userId())).containsExactlyElementsOf(bobWrote);
        assertThat(historyTexts(bob, alice)).containsSubsequence(aliceWrote).containsSubsequence(bobWrote)
                .hasSize(aliceWrote.size() + bobWrote.size());

        // Once reconnected, the server's view counts (the other may show offline until it is back too).
        assertThat(alice.events.presenceOf(bob.userId())).last().isEqualTo(Presence.ONLINE);
        assertThat(bob.events.presenceOf(alice.userId())).last().isEqualTo(Presence.ONLINE);
    }

    @Test
    void aCallRingingWhenTheServerDiesEndsOnBothSidesOnceTheyAreBackInsteadOfRingingOn() {
        CallRecorder aliceCalls = new CallRecorder();
        CallRecorder bobCalls = new CallRecorder();
        alice.client.calls().addObserver(aliceCalls);
        bob.client.calls().addObserver(bobCalls);
        Call outgoing = alice.client.calls().place(bob.userId(), new CallAudio.Silent());
        eventually().until(() -> outgoing.state() == CallState.RINGING);
        Call incoming = bobCalls.last();
        assertThat(incoming.state()).isEqualTo(CallState.INCOMING);

        friends.server().kill();
        friends.server().start();

        // The observers hear of the end on the event thread, just after the call's state became ENDED.
        within(Duration.ofSeconds(10)).until(() -> aliceCalls.ends.containsKey(outgoing.id())
                && bobCalls.ends.containsKey(incoming.id()));
        assertThat(outgoing.state()).isEqualTo(CallState.ENDED);
        assertThat(incoming.state()).isEqualTo(CallState.ENDED);
        assertThat(aliceCalls.ends.get(outgoing.id()).reason()).isEqualTo(EndReason.LOST_BY_SERVER);
        assertThat(bobCalls.ends.get(incoming.id()).reason()).isEqualTo(EndReason.LOST_BY_SERVER);
        assertThat(alice.client.calls().current()).isEmpty();
        assertThat(bob.client.calls().current()).isEmpty();
    }

    @Test
    void sendsInFlightWhenTheServerDiesArriveExactlyOnceAndInOrder() throws InterruptedException {
        CountDownLatch firstAcknowledged = new CountDownLatch(1);
        alice.client.chat().addListener(new ChatListener() {
            @Override
            public void onMessageChanged(ChatMessage message) {
                if (message.state() == MessageState.SENT) {
                    firstAcknowledged.countDown();
                }
            }
        });
        List<String> texts = IntStream.rangeClosed(1, 60).mapToObj(i -> "in flight " + i).toList();
        List<ChatMessage> sent = new ArrayList<>();
        Thread writer = Thread.ofVirtual().start(() -> texts.forEach(t -> sent.add(alice.send(bob, t))));
        assertThat(firstAcknowledged.await(15, TimeUnit.SECONDS)).as("the first message was acknowledged").isTrue();
        friends.server().kill(); // the outbox is being sent right now: one request is likely on the wire
        writer.join();
        assertThat(sent.stream().filter(m -> alice.stateOf(m) == MessageState.SENDING))
                .as("messages not yet acknowledged when the server died").isNotEmpty();

        friends.server().start();
        eventually().until(() -> sent.stream().allMatch(m -> alice.stateOf(m) == MessageState.DELIVERED));
        eventually().until(() -> bob.events.textsFrom(alice.userId()).size() >= texts.size());
        assertThat(bob.events.textsFrom(alice.userId())).containsExactlyElementsOf(texts);
        assertThat(historyTexts(bob, alice)).containsExactlyElementsOf(texts);
        assertThat(historyTexts(alice, bob)).containsExactlyElementsOf(texts);
    }

    @Test
    void aRecipientAwayForAWhileGetsEverythingInOrderWhenItReturns() {
        bob.close();
        within(Duration.ofSeconds(1)).until(() -> alice.presenceOf(bob) == Presence.OFFLINE);
        List<String> texts = IntStream.rangeClosed(1, 12).mapToObj(i -> "while you were away " + i).toList();
        List<ChatMessage> sent = texts.stream().map(t -> alice.send(bob, t)).toList();
        eventually().until(() -> sent.stream().allMatch(m -> alice.stateOf(m) == MessageState.SENT));

        bob.reopen();
        eventually().until(() -> bob.events.textsFrom(alice.userId()).size() >= texts.size());
        assertThat(bob.events.textsFrom(alice.userId())).containsExactlyElementsOf(texts);
        eventually().until(() -> sent.stream().allMatch(m -> alice.stateOf(m) == MessageState.DELIVERED));
        eventually().until(() -> alice.presenceOf(bob) == Presence.ONLINE);

        // Everything was acknowledged: the server holds nothing more for bob's device.
        eventually().until(() -> bob.client.api().inbox(100).entries().isEmpty());

        // Closing and opening again replays nothing: each message is stored exactly once.
        bob.close();
        bob.reopen();
        eventually().until(() -> bob.client.connection().connected());
        alice.send(bob, "marker");
        eventually().until(() -> bob.events.textsFrom(alice.userId()).contains("marker"));
        assertThat(bob.events.textsFrom(alice.userId())).containsExactly("marker");
        List<String> all = new ArrayList<>(texts);
        all.add("marker");
        assertThat(historyTexts(bob, alice)).containsExactlyElementsOf(all);
    }

    private TestUser sender(ChatMessage m) {
        return m.senderUserId().equals(alice.userId()) ? alice : bob;
    }

    /** The conversation oldest first, from the local store. */
    private static List<String> historyTexts(TestUser owner, TestUser peer) {
        return owner.client.chat().history(peer.userId(), null, 1000).messages().reversed().stream().map(ChatMessage::text).toList();
    }
}
