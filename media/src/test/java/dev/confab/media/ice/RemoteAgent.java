package dev.confab.media.ice;

import dev.confab.testkit.net.Host;
import dev.confab.testkit.net.NamespaceJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's handle on an {@link IceAgentMain} running inside a lab host: sends commands, collects its events, and
 * signals candidates and credentials to another such agent as the signaling server would.
 */
final class RemoteAgent {
    private static final Duration REPLY = Duration.ofSeconds(10);

    final String name;
    final NamespaceJvm jvm;
    final List<String> candidates = new ArrayList<>();
    final List<String> states = new ArrayList<>();
    final List<String> selected = new ArrayList<>();
    final List<String> received = new ArrayList<>();
    String ufrag;
    String pwd;
    private int forwarded;

    RemoteAgent(Host host) {
        this.name = host.name();
        this.jvm = host.startJvm(IceAgentMain.class);
    }

    void start(String role, String stunServer) {
        String[] reply = jvm.request("start " + role + (stunServer == null ? "" : " " + stunServer), REPLY).split(" ");
        ufrag = reply[1];
        pwd = reply[2];
    }

    void restart() {
        String[] reply = jvm.request("restart", REPLY).split(" ");
        ufrag = reply[1];
        pwd = reply[2];
        forwarded = candidates.size();
    }

    void credentialsFrom(RemoteAgent peer) {
        jvm.request("creds " + peer.ufrag + " " + peer.pwd, REPLY);
    }

    /** Fetches the agent's events; hands its new candidates to {@code peer}. */
    void poll(RemoteAgent peer) {
        String reply = jvm.request("events", REPLY);
        String body = reply.substring("events".length()).strip();
        if (!body.isEmpty()) {
            for (String event : body.split("\\|")) {
                if (event.startsWith("cand:")) {
                    candidates.add(event.substring(5));
                } else if (event.startsWith("state:")) {
                    states.add(event.substring(6));
                } else if (event.startsWith("selected:")) {
                    selected.add(event.substring(9));
                } else if (event.startsWith("recv:")) {
                    received.add(event.substring(5));
                }
            }
        }
        while (forwarded < candidates.size()) {
            peer.jvm.request("cand " + candidates.get(forwarded++).replace(',', ' '), REPLY);
        }
    }

    boolean send(String hex) {
        return jvm.request("send " + hex, REPLY).equals("ok true");
    }

    String state() {
        return states.isEmpty() ? "NEW" : states.getLast();
    }

    @Override
    public String toString() {
        return name + " states=" + states + " selected=" + selected + " candidates=" + candidates;
    }
}
