package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NamespaceJvmTest {
    private static final Duration FIRST_REPLY = Duration.ofSeconds(20);
    private static final Duration REPLY = Duration.ofSeconds(5);

    @RegisterExtension
    static final NetworkLabExtension NETWORK = NetworkLabExtension.of(Topology.builder()
            .nat("home", NatMapping.ENDPOINT_INDEPENDENT).hostBehind("alice", "home").build());

    @Test
    void roundTripsCommandsFromInsideTheHostsNamespace() {
        Host alice = NETWORK.lab().host("alice");
        try (NamespaceJvm child = alice.startJvm(EchoMain.class)) {
            assertThat(child.request("echo hello from the test", FIRST_REPLY)).isEqualTo("hello from the test");
            assertThat(child.request("addresses", REPLY).split(" "))
                    .containsExactlyInAnyOrder("10.0.1.2", "127.0.0.1");
            assertThat(child.request("echo second", REPLY)).isEqualTo("second");
        }
    }

    @Test
    void aFailingCommandAndATimeoutReportWhatTheChildSaid() {
        try (NamespaceJvm child = NETWORK.lab().host("alice").startJvm(EchoMain.class)) {
            assertThatThrownBy(() -> child.request("nonsense", FIRST_REPLY))
                    .hasMessageContaining("'nonsense' failed in the child")
                    .hasMessageContaining("IllegalArgumentException: unknown command nonsense");
            assertThat(child.request("stderr a clue on stderr", REPLY)).isEqualTo("written");
            child.send("echo not what we wait for");
            assertThatThrownBy(() -> child.awaitLine(line -> line.equals("never"), Duration.ofMillis(300)))
                    .hasMessageContaining("No matching line within 300 ms")
                    .hasMessageContaining("a clue on stderr")
                    .hasMessageContaining("not what we wait for")
                    .hasMessageContaining("--- threads ---")
                    .hasMessageContaining("\"main\"");
        }
    }

    @Test
    void closeKillsTheChildAndEndsItsOutput() {
        NamespaceJvm child = NETWORK.lab().host("alice").startJvm(EchoMain.class);
        assertThat(child.request("echo up", FIRST_REPLY)).isEqualTo("up");
        child.close();
        assertThat(child.isAlive()).isFalse();
        assertThatThrownBy(() -> child.awaitLine(_ -> true, REPLY)).hasMessageContaining("ended its output");
    }

    @Test
    void theExitCommandEndsTheLoop() {
        try (NamespaceJvm child = NETWORK.lab().host("alice").startJvm(EchoMain.class)) {
            assertThat(child.request(ControlLoop.EXIT, FIRST_REPLY)).isEqualTo("bye");
            assertThatThrownBy(() -> child.awaitLine(_ -> true, REPLY)).hasMessageContaining("ended its output");
        }
    }
}
