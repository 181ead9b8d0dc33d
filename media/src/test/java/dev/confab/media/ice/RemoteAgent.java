package dev.confab.media.ice;

import dev.confab.testkit.net.Host;
import dev.confab.testkit.net.NamespaceJvm;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The test's handle on an {@link IceAgentMain} running inside a lab host: sends commands, collects its events, and
 * signals candidates and credentials to another such agent as the signaling server would.
 */
final class RemoteAgent {
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final Duration CONNECT = Duration.ofSeconds(20);

    final String name;
    final NamespaceJvm jvm;
    final List<String> candidates = new ArrayList<>();
    final List<String> states = new ArrayList<>();
    final List<String> selected = new ArrayList<>();
    final List<String> received = new ArrayList<>();
    String ufrag;
    String pwd;
    final List<String> restarts = new ArrayList<>();

    RemoteAgent(Host host) {
        this.name = host.name();
        this.jvm = host.startJvm(IceAgentMain.class);
    }

    /** Starts the agent; {@code options} as {@link IceAgentMain} reads them ({@code stun=IP:PORT}, ...). */
    void start(String role, String... options) {
        String[] reply = jvm.request("start " + role + " " + String.join(" ", options), REPLY).strip().split(" ");
        ufrag = reply[1];
        pwd = reply[2];
    }

    void credentialsFrom(RemoteAgent peer) {
        jvm.request("creds " + peer.ufrag + " " + peer.pwd, REPLY);
    }

    /** Fetches the agent's events; signals its candidates and restarts to {@code peer}, in order. */
    void poll(RemoteAgent peer) {
        String reply = jvm.request("events", REPLY);
        String body = reply.substring("events".length()).strip();
        if (!body.isEmpty()) {
            for (String event : body.split("\\|")) {
                if (event.startsWith("cand:")) {
                    candidates.add(event.substring(5));
                    peer.jvm.request("cand " + event.substring(5).replace(',', ' '), REPLY);
                } else if (event.startsWith("restart:")) {
                    String[] fresh = event.substring(8).split(",");
                    ufrag = fresh[0];
                    pwd = fresh[1];
                    restarts.add(ufrag);
                    peer.jvm.request("peer-restart " + ufrag + " " + pwd, REPLY);
                } else if (event.startsWith("state:")) {
                    states.add(event.substring(6));
                } else if (event.startsWith("selected:")) {
                    selected.add(event.substring(9));
                } else if (event.startsWith("recv:")) {
                    received.add(event.substring(5));
                }
            }
        }
    }

    /**
     * Starts {@code offerer} (controlling) and {@code answerer}, exchanges credentials and relays their events until
     * both are CONNECTED with a selected pair.
     */
    static void connect(RemoteAgent offerer, String[] offererOptions, RemoteAgent answerer, String[] answererOptions) {
        offerer.start("controlling", offererOptions);
        answerer.start("controlled", answererOptions);
        offerer.credentialsFrom(answerer);
        answerer.credentialsFrom(offerer);
        try {
            await().atMost(CONNECT).pollInterval(Duration.ofMillis(100)).until(() -> {
                offerer.poll(answerer);
                answerer.poll(offerer);
                return offerer.state().equals("CONNECTED") && answerer.state().equals("CONNECTED")
                        && !offerer.selected.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no connection:\n" + offerer + "\n" + answerer, e);
        }
    }

    /**
     * Sends a packet from {@code from} every 50 ms, as a media stream would, until {@code to} receives one; returns
     * the seconds since {@code sinceNanos}.
     */
    static double secondsUntilMediaFlows(RemoteAgent from, RemoteAgent to, long sinceNanos) {
        to.received.clear();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            from.send("80ff0002");
            from.poll(to);
            to.poll(from);
            return !to.received.isEmpty();
        });
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    boolean send(String hex) {
        return jvm.request("send " + hex, REPLY).equals("ok true");
    }

    String state() {
        return states.isEmpty() ? "NEW" : states.getLast();
    }

    @Override
    public String toString() {
        String diagnostics;
        try {
            diagnostics = jvm.request("diagnostics", REPLY);
        } catch (RuntimeException e) {
            diagnostics = "(no diagnostics: " + e.getMessage() + ")";
        }
        return name + " states=" + states + " selected=" + selected + " candidates=" + candidates + "\n  "
                + diagnostics;
    }
}
