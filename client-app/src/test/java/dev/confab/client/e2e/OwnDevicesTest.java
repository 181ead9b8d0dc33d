package dev.confab.client.e2e;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.MessageState;
import dev.confab.client.core.keys.KeyChange;
import dev.confab.client.core.keys.PinnedDevice;
import dev.confab.client.core.keys.TrustState;
import dev.confab.protocol.inbox.InboxMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A device that appears on the user's own account is judged like a contact's new device: the server could have
 * added it, so it is reported loudly and gets no copy of what this device sends until the user trusts it.
 */
class OwnDevicesTest {
    @RegisterExtension
    final Friends friends = Friends.standard();

    @Test
    void aNewDeviceOnTheOwnAccountIsReportedAndGetsNoCopiesUntilTrusted() {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        // A second device signs in to alice's account. It stays one-shot, so its inbox on the server shows what it was sent.
        TestUser laptop = friends.track(TestUser.signInOneShot(friends.server().baseUrl(), friends.profiles().resolve("alice-laptop"), "alice"));

        eventually().until(() -> alice.events.keyChanges.stream().anyMatch(k -> k.deviceId().equals(laptop.deviceId())));
        KeyChange change = alice.events.keyChanges.stream().filter(k -> k.deviceId().equals(laptop.deviceId())).findFirst().orElseThrow();
        assertThat(change.userId()).isEqualTo(alice.userId());
        assertThat(change.kind()).isEqualTo(KeyChange.Kind.NEW_DEVICE);
        assertThat(change.ownAccount()).isTrue();
        assertThat(change.describe("alice")).contains("Your account has a new device").contains("devices trust " + laptop.deviceId());
        assertThat(alice.client.keys().device(alice.userId(), laptop.deviceId())).get()
                .extracting(PinnedDevice::trust).isEqualTo(TrustState.NEW_DEVICE);
        assertThat(alice.client.keys().device(alice.userId(), alice.deviceId())).get()
                .extracting(PinnedDevice::trust).isEqualTo(TrustState.TRUSTED);

        // Sending to bob still works, but the untrusted device gets no sealed copy.
        ChatMessage before = alice.send(bob, "before trusting the laptop");
        eventually().until(() -> alice.stateOf(before) == MessageState.DELIVERED);
        assertThat(inboxMessageIds(laptop)).doesNotContain(before.messageId());

        assertThat(alice.client.keys().trustDevice(alice.userId(), laptop.deviceId())).isTrue();
        ChatMessage after = alice.send(bob, "after trusting the laptop");
        eventually().until(() -> inboxMessageIds(laptop).contains(after.messageId()));
        assertThat(inboxMessageIds(laptop)).doesNotContain(before.messageId());
        laptop.client.chat().syncInbox();
        assertThat(laptop.client.chat().message(alice.userId(), after.messageId())).get()
                .satisfies(m -> assertThat(m.text()).isEqualTo("after trusting the laptop"))
                .satisfies(m -> assertThat(m.outgoing()).isTrue());

        // A removed own device gets no copy either, and sending goes on without a device mismatch.
        alice.client.account().removeDevice(laptop.deviceId());
        alice.client.keys().refresh(alice.userId());
        assertThat(alice.client.keys().device(alice.userId(), laptop.deviceId())).get()
                .satisfies(p -> assertThat(p.active()).isFalse())
                .satisfies(p -> assertThat(p.trust()).isEqualTo(TrustState.TRUSTED));
        ChatMessage afterRemoval = alice.send(bob, "after removing the laptop");
        eventually().until(() -> alice.stateOf(afterRemoval) == MessageState.DELIVERED);
    }

    private static List<String> inboxMessageIds(TestUser device) {
        return device.client.api().inbox(100).entries().stream()
                .filter(e -> e.item() instanceof InboxMessage).map(e -> ((InboxMessage) e.item()).messageId()).toList();
    }
}
