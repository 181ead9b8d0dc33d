package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;

/**
 * From a multi-homed lab host called {@code alice} to the host called {@code server}: one probe in alice bound to each
 * of her addresses ({@code eth<n>}'s on port 40000 + n) and one in the server on port 3478. Not thread-safe.
 */
record UplinkPaths(Host alice, ProbeSocket[] fromAlice, ProbeSocket server, InetAddress serverAddress) {
    static final int SERVER_PORT = 3478;
    static final int FIRST_PORT = 40000;
    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(3);

    static UplinkPaths open(NetworkLab lab) {
        Host alice = lab.host("alice");
        Host server = lab.host("server");
        ProbeSocket[] probes = new ProbeSocket[alice.interfaces().size()];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = ProbeSocket.bind(alice, alice.addresses().get(i), FIRST_PORT + i);
        }
        return new UplinkPaths(alice, probes, ProbeSocket.bind(server, SERVER_PORT), server.address());
    }

    /**
     * Sends {@code text} from the probe bound to {@code eth<uplink>}'s address and expects it at the server from that
     * interface's public address (its NAT's, or its own), then the server's reply back at the probe. Datagrams with
     * text {@code held} may reach the server first: the kernel holds a few sent while a cable was out (see
     * {@link Link#down()}).
     */
    void assertRoundTrip(int uplink, String text, String held) {
        fromAlice[uplink].send(serverAddress, SERVER_PORT, text);
        ProbeSocket.Received received = server.receive(ARRIVES_WITHIN);
        while (received != null && received.text().equals(held)) {
            received = server.receive(ARRIVES_WITHIN);
        }
        assertThat(received).as(text).isEqualTo(new ProbeSocket.Received(
                alice.interfaces().get(uplink).publicAddress().getHostAddress(), FIRST_PORT + uplink, text));
        server.reply("re: " + text);
        assertThat(fromAlice[uplink].receive(ARRIVES_WITHIN)).as("reply to " + text)
                .isEqualTo(new ProbeSocket.Received(serverAddress.getHostAddress(), SERVER_PORT, "re: " + text));
    }

    /** Sends {@code text} from the probe bound to {@code eth<uplink>}'s address and expects nothing at the server. */
    void assertNotDelivered(int uplink, String text) {
        fromAlice[uplink].send(serverAddress, SERVER_PORT, text);
        assertThat(server.receive(ProbeSocket.NOTHING_ARRIVES_WITHIN)).as(text).isNull();
    }

    /** {@link ProbeSocket#floodRate} from the probe bound to {@code eth<uplink>}'s address to the server. */
    double floodRate(int uplink, long offered, Duration duration) {
        return fromAlice[uplink].floodRate(server, serverAddress, SERVER_PORT, offered, duration);
    }
}
