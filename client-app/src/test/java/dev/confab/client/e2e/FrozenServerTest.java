package dev.confab.client.e2e;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.e2e.E2E.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.MessageState;
import dev.confab.client.core.events.ConnectionState;
import dev.confab.client.core.presence.Presence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that stops answering without closing its sockets (SIGSTOP: what a dead NAT or a hung host looks like)
 * is noticed by the heartbeat watchdog: no traffic for twice the heartbeat means reconnect. The server's heartbeat
 * is 1 s here, so the watchdog fires about 2 s after the last frame, which came at most a heartbeat before the freeze.
 *
 * <p>Times are measured from the events that matter, as the client saw them (the {@link Recorder} stamps each status
 * on the client's event thread), never from when the test thread happened to look, so a loaded machine does not
 * fail the test; the waits themselves are generous.
 */
class FrozenServerTest {
    private static final int HEARTBEAT_SECONDS = 1;
    /** Twice the heartbeat, plus the watchdog's tick (half a heartbeat), plus room for a busy machine. */
    private static final Duration DETECTION_LIMIT = Duration.ofSeconds(2L * HEARTBEAT_SECONDS + 2);
    private static final Pattern SILENCE = Pattern.compile("no traffic from the server for (\\d+) s");

    @RegisterExtension
    final Friends friends = Friends.onServer(b -> b.set("ws.heartbeat-seconds", Integer.toString(HEARTBEAT_SECONDS)));

    @AfterEach
    void thaw() throws Exception {
        signal("CONT"); // before the fixture closes the server
    }

    @Test
    void aSilentServerIsDetectedByTheWatchdogAndTheClientComesBack() throws Exception {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        int before = alice.events.connection.size();
        long frozenAt = signal("STOP");

        eventually().until(() -> alice.client.connection().state() == ConnectionState.RECONNECTING);
        Recorder.Seen lost = alice.events.connection.subList(before, alice.events.connection.size()).stream()
                .filter(s -> s.status().state() == ConnectionState.RECONNECTING).findFirst().orElseThrow();
        Matcher silence = SILENCE.matcher(String.valueOf(lost.status().lastError()));
        assertThat(silence.find()).as("lost because of silence: %s", lost.status().lastError()).isTrue();
        assertThat(Integer.parseInt(silence.group(1))).as("seconds of silence before the watchdog fired")
                .isGreaterThanOrEqualTo(2 * HEARTBEAT_SECONDS);
        assertThat(Duration.ofNanos(lost.atNanos() - frozenAt)).as("from the freeze to the reconnect").isLessThan(DETECTION_LIMIT);
        // The contact became unknown as the connection was dropped, before the client reported RECONNECTING.
        assertThat(alice.presenceOf(bob)).isEqualTo(Presence.UNKNOWN);
        ChatMessage queued = alice.send(bob, "are you there?");

        signal("CONT");
        eventually().until(() -> alice.client.connection().connected() && bob.client.connection().connected());
        within(Duration.ofSeconds(5)).until(() -> alice.presenceOf(bob) == Presence.ONLINE);
        eventually().until(() -> bob.events.textsFrom(alice.userId()).contains("are you there?"));
        eventually().until(() -> alice.stateOf(queued) == MessageState.DELIVERED);
        assertThat(bob.events.textsFrom(alice.userId())).containsExactly("are you there?");
    }

    /**
     * Sends a signal to the server process (the child of this JVM whose command line names its port) and returns
     * {@link System#nanoTime()} once it was delivered.
     */
    private long signal(String name) throws IOException, InterruptedException {
        if (friends.server() == null) {
            return System.nanoTime();
        }
        String wanted = "--port\u0000" + friends.server().port() + "\u0000";
        long pid = -1;
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            Path cmdline = Path.of("/proc", Long.toString(child.pid()), "cmdline");
            if (Files.exists(cmdline) && Files.readString(cmdline, StandardCharsets.ISO_8859_1).contains(wanted)) {
                pid = child.pid();
            }
        }
        if (pid < 0) {
            throw new AssertionError("no server process on port " + friends.server().port());
        }
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        return System.nanoTime();
    }
}
