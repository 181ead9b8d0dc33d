package dev.confab.client.e2e;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.e2e.E2E.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.MessageState;
import dev.confab.client.core.events.ConnectionState;
import dev.confab.client.core.events.ConnectionStatus;
import dev.confab.client.core.presence.Presence;
import dev.confab.testkit.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that stops answering without closing its sockets (SIGSTOP: what a dead NAT or a hung host looks like)
 * is noticed by the heartbeat watchdog: no traffic for twice the heartbeat means reconnect. The server's heartbeat
 * is 1 s here, so the watchdog must fire within about 2 s.
 */
class FrozenServerTest {
    @TempDir
    Path profiles;
    ServerProcess server;
    TestUser alice;
    TestUser bob;

    @BeforeEach
    void start() {
        server = ServerProcess.builder().set("ws.heartbeat-seconds", "1").build().start();
        alice = TestUser.register(server.baseUrl(), profiles, "alice");
        bob = TestUser.register(server.baseUrl(), profiles, "bob");
        E2E.befriend(alice, bob);
    }

    @AfterEach
    void stop() throws Exception {
        signal("CONT");
        alice.close();
        bob.close();
        server.close();
    }

    @Test
    void aSilentServerIsDetectedByTheWatchdogAndTheClientComesBack() throws Exception {
        int before = alice.events.connection.size();
        signal("STOP");
        within(Duration.ofSeconds(4)).until(() -> alice.client.connection().state() == ConnectionState.RECONNECTING);
        List<ConnectionStatus> seen = alice.events.connection.subList(before, alice.events.connection.size());
        assertThat(seen).anySatisfy(s -> assertThat(s.lastError()).contains("no traffic"));
        within(Duration.ofSeconds(1)).until(() -> alice.presenceOf(bob) == Presence.UNKNOWN);
        ChatMessage queued = alice.send(bob, "are you there?");

        signal("CONT");
        within(Duration.ofSeconds(6)).until(() -> alice.client.connection().connected() && bob.client.connection().connected());
        within(Duration.ofSeconds(2)).until(() -> alice.presenceOf(bob) == Presence.ONLINE);
        eventually().until(() -> bob.events.textsFrom(alice.userId()).contains("are you there?"));
        eventually().until(() -> alice.stateOf(queued) == MessageState.DELIVERED);
        assertThat(bob.events.textsFrom(alice.userId())).containsExactly("are you there?");
    }

    /** Sends a signal to the server process: the child of this JVM whose command line names its port. */
    private void signal(String name) throws IOException, InterruptedException {
        String wanted = "--port\u0000" + server.port() + "\u0000";
        long pid = -1;
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            Path cmdline = Path.of("/proc", Long.toString(child.pid()), "cmdline");
            if (Files.exists(cmdline) && Files.readString(cmdline, StandardCharsets.ISO_8859_1).contains(wanted)) {
                pid = child.pid();
            }
        }
        if (pid < 0) {
            throw new AssertionError("no server process on port " + server.port());
        }
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}
