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
    final List<String> restarts = new ArrayList<>();

    RemoteAgent(Host host) {
        this.name = host.name();
        this.jvm = host.startJvm(IceAgentMain.class);
    }

    void start(String role, String stunServer) {
        String[] reply = jvm.request("start " + role + (stunServer == null ? "" : " " + stunServer), REPLY).split(" ");
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
