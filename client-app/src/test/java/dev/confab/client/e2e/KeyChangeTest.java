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
import dev.confab.testkit.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contact replaces their device (new profile, new identity key): the sender is warned loudly and nothing is
 * sealed to the new key until the sender trusts it.
 */
class KeyChangeTest {
    @TempDir
    Path profiles;
    ServerProcess server;
    TestUser alice;
    TestUser bob;

    @BeforeEach
    void start() {
        server = ServerProcess.builder().build().start();
        alice = TestUser.register(server.baseUrl(), profiles, "alice");
        bob = TestUser.register(server.baseUrl(), profiles, "bob");
        E2E.befriend(alice, bob);
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        server.close();
    }

    @Test
    void aReplacedDeviceIsAWarningAndBlocksSendingUntilTrusted() throws IOException {
        ChatMessage first = alice.send(bob, "before the new phone");
        eventually().until(() -> bob.events.textsFrom(alice.userId()).contains("before the new phone"));
        String oldDevice = bob.client.account().require().deviceId();
        String bobId = bob.userId();
        eventually().until(() -> alice.stateOf(first) == MessageState.DELIVERED);
        assertThat(alice.client.keys().devices(bobId)).extracting(PinnedDevice::trust).containsOnly(TrustState.TRUSTED);

        // Bob loses his profile and signs in again: a new device with a new identity; he removes the old one.
        bob.close();
        deleteTree(bob.dir);
        bob.open();
        bob.client.account().login("bob", TestUser.PASSWORD);
        bob.client.start();
        bob.client.account().removeDevice(oldDevice);

        eventually().until(() -> !alice.events.keyChanges.isEmpty());
        KeyChange change = alice.events.keyChanges.getFirst();
        assertThat(change.userId()).isEqualTo(bobId);
        assertThat(change.kind()).isEqualTo(KeyChange.Kind.NEW_DEVICE);
        assertThat(change.describe("bob")).contains("new device");

        assertThatThrownBy(() -> alice.send(bob, "are you really bob?"))
                .isInstanceOf(UntrustedKeyException.class)
                .hasMessageContaining("contacts trust bob");
        assertThat(alice.client.chat().outboxEmpty()).isTrue();

        // After comparing safety numbers (both see the same), alice trusts the new key and sending works.
        alice.client.keys().refresh(alice.userId());
        bob.client.keys().refresh(bob.userId());
        bob.client.keys().refresh(alice.userId());
        eventually().until(() -> alice.client.keys().devices(bobId).stream().noneMatch(d -> d.deviceId().equals(oldDevice) && d.active()));
        assertThat(bob.client.keys().safetyNumber(alice.userId())).isEqualTo(alice.client.keys().safetyNumber(bobId));
        assertThat(alice.client.keys().trust(bobId)).isTrue();
        ChatMessage after = alice.send(bob, "welcome back, bob");
        eventually().until(() -> bob.events.textsFrom(alice.userId()).contains("welcome back, bob"));
        eventually().until(() -> alice.stateOf(after) == MessageState.DELIVERED);
        assertThat(alice.client.keys().pendingChanges(bobId)).isEmpty();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
