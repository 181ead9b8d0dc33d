package dev.confab.testkit.net;

import java.net.InetAddress;
import java.time.Duration;

/** Test-side driver of a {@link UdpProbe} running in a lab host: typed calls for its text commands. Not thread-safe. */
final class ProbeSocket {
    static final Duration NOTHING_ARRIVES_WITHIN = Duration.ofMillis(800);
    private static final Duration REPLY = Duration.ofSeconds(20);

    private final NamespaceJvm jvm;

    private ProbeSocket(NamespaceJvm jvm) {
        this.jvm = jvm;
    }

    /** Starts a probe in {@code host} and binds it to {@code port}. */
    static ProbeSocket bind(Host host, int port) {
        ProbeSocket probe = new ProbeSocket(host.startJvm(UdpProbe.class));
        probe.jvm.request("bind " + port, REPLY);
        return probe;
    }

    /** A datagram as it arrived: its source and its text. */
    record Received(String address, int port, String text) {}

    void send(InetAddress to, int port, String text) {
        jvm.request("send " + to.getHostAddress() + " " + port + " " + text, REPLY);
    }

    void reply(String text) {
        jvm.request("reply " + text, REPLY);
    }

    /** The next datagram within {@code timeout}, or null if none came. */
    Received receive(Duration timeout) {
        String reply = jvm.request("recv " + timeout.toMillis(), REPLY.plus(timeout));
        if (reply.equals("timeout")) {
            return null;
        }
        String[] words = reply.split(" ", 4);
        return new Received(words[1], Integer.parseInt(words[2]), words.length > 3 ? words[3] : "");
    }

    NamespaceJvm jvm() {
        return jvm;
    }
}
