package dev.confab.client.e2e;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.MessageState;
import dev.confab.client.core.keys.KeyChange;
import dev.confab.client.core.keys.PinnedDevice;
import dev.confab.client.core.keys.TrustState;
import dev.confab.client.core.keys.UntrustedKeyException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A contact replaces their device (new profile, new identity key): the sender is warned loudly and nothing is
 * sealed to the new key until the sender trusts it; what the change held back goes out by itself after the trust.
 */
class KeyChangeTest {
    @RegisterExtension
    final Friends friends = Friends.standard();

    @Test
    void aReplacedDeviceIsAWarningAndBlocksSendingUntilTrusted() {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        ChatMessage first = alice.send(bob, "before the new phone");
        eventually().until(() -> bob.events.textsFrom(alice.userId()).contains("before the new phone"));
        String oldDevice = bob.deviceId();
        String bobId = bob.userId();
        eventually().until(() -> alice.stateOf(first) == MessageState.DELIVERED);
        assertThat(alice.client.keys().devices(bobId)).extracting(PinnedDevice::trust).containsOnly(TrustState.TRUSTED);

        // Bob loses his profile and signs in again on a fresh one: a new device with a new identity; he removes the old one.
        bob.close();
        TestUser newBob = friends.signIn("bob-reinstalled", "bob");
        newBob.client.account().removeDevice(oldDevice);

        eventually().until(() -> !alice.events.keyChanges.isEmpty());
        KeyChange change = alice.events.keyChanges.getFirst();
        assertThat(change.userId()).isEqualTo(bobId);
        assertThat(change.kind()).isEqualTo(KeyChange.Kind.NEW_DEVICE);
        assertThat(change.ownAccount()).isFalse();
        assertThat(change.describe("bob")).contains("new device");

        assertThatThrownBy(() -> alice.send(newBob, "are you really bob?"))
                .isInstanceOf(UntrustedKeyException.class)
                .hasMessageContaining("contacts trust bob");
        assertThat(alice.client.chat().outboxEmpty()).isTrue();

        // After comparing safety numbers (both see the same), alice trusts the new key and sending works.
        alice.client.keys().refresh(alice.userId());
        newBob.client.keys().refresh(bobId);
        newBob.client.keys().refresh(alice.userId());
        eventually().until(() -> alice.client.keys().devices(bobId).stream().noneMatch(d -> d.deviceId().equals(oldDevice) && d.active()));
        assertThat(newBob.client.keys().safetyNumber(alice.userId())).isEqualTo(alice.client.keys().safetyNumber(bobId));
        assertThat(alice.client.keys().trust(bobId)).isTrue();
        ChatMessage after = alice.send(newBob, "welcome back, bob");
        eventually().until(() -> newBob.events.textsFrom(alice.userId()).contains("welcome back, bob"));
        eventually().until(() -> alice.stateOf(after) == MessageState.DELIVERED);
        assertThat(alice.client.keys().pendingChanges(bobId)).isEmpty();
    }

    @Test
    void messagesHeldBackByAKeyChangeGoOutByThemselvesOnceTrusted() {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        // Alice writes while offline; meanwhile bob adds a phone, which she learns about only when she is back.
        alice.client.stop();
        List<ChatMessage> written = List.of(alice.send(bob, "held one"), alice.send(bob, "held two"));
        TestUser phone = friends.signIn("bob-phone", "bob");
        alice.client.start();

        eventually().untilAsserted(() -> assertThat(written).as("alice's messages, once she learned of the phone")
                .extracting(m -> alice.stateOf(m) + ": " + alice.client.chat().message(alice.userId(), m.messageId())
                        .map(message -> String.valueOf(message.problem())).orElse("gone"))
                .allMatch(described -> described.startsWith(MessageState.FAILED + ":")));
        ChatMessage held = alice.client.chat().message(alice.userId(), written.getFirst().messageId()).orElseThrow();
        assertThat(held.problem()).contains("keys changed").contains("once you trust");
        // the key-change event reaches listeners on their own thread, not necessarily before the outbox's verdict
        eventually().until(() -> alice.events.keyChanges.stream().anyMatch(k -> k.deviceId().equals(phone.deviceId())));

        assertThat(alice.client.keys().trust(bob.userId())).isTrue();
        eventually().until(() -> written.stream().allMatch(m -> alice.stateOf(m) == MessageState.DELIVERED));
        eventually().until(() -> phone.events.textsFrom(alice.userId()).size() == 2);
        assertThat(phone.events.textsFrom(alice.userId())).containsExactly("held one", "held two");
        eventually().until(() -> bob.events.textsFrom(alice.userId()).size() == 2);
        assertThat(bob.events.textsFrom(alice.userId())).containsExactly("held one", "held two");
        assertThat(alice.events.changes).filteredOn(m -> m.messageId().equals(held.messageId()))
                .extracting(ChatMessage::state).containsSubsequence(MessageState.FAILED, MessageState.SENDING, MessageState.SENT);
    }
}
