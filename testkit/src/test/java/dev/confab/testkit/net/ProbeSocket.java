package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;

/** Test-side driver of a {@link UdpProbe} running in a lab host: typed calls for its text commands. Not thread-safe. */
final class ProbeSocket {
    static final Duration NOTHING_ARRIVES_WITHIN = Duration.ofMillis(800);
    private static final Duration REPLY = Duration.ofSeconds(20);
    /** Ethernet (14), IPv4 (20) and UDP (8) headers: what tbf counts besides the payload. */
    private static final int WIRE_OVERHEAD = 42;

    private final NamespaceJvm jvm;

    private ProbeSocket(NamespaceJvm jvm) {
        this.jvm = jvm;
    }

    /** Starts a probe in {@code host} and binds it to {@code port} on every address. */
    static ProbeSocket bind(Host host, int port) {
        return start(host, "bind " + port);
    }

    /** Starts a probe in {@code host} and binds it to {@code port} on {@code address} only. */
    static ProbeSocket bind(Host host, InetAddress address, int port) {
        return start(host, "bind " + address.getHostAddress() + " " + port);
    }

    private static ProbeSocket start(Host host, String bind) {
        ProbeSocket probe = new ProbeSocket(host.startJvm(UdpProbe.class));
        probe.jvm.request(bind, REPLY);
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

    /**
     * Floods 1000-byte datagrams from this probe to {@code receiver} (a probe listening at {@code to}, {@code port}) at
     * {@code offered} bit/s for {@code duration}; returns the rate that arrived, counted on the wire, in bit/s.
     */
    double floodRate(ProbeSocket receiver, InetAddress to, int port, long offered, Duration duration) {
        receiver.jvm.send("count 500");
        jvm.request("flood " + to.getHostAddress() + " " + port + " 1000 " + offered + " " + duration.toMillis(),
                duration.plus(REPLY));
        String[] counted = receiver.jvm.awaitLine(line -> line.startsWith("counted"), REPLY).split(" ");
        long packets = Long.parseLong(counted[1]);
        long nanos = Long.parseLong(counted[3]);
        assertThat(packets).as("datagrams counted").isGreaterThan(10);
        return (packets - 1) * (1000 + WIRE_OVERHEAD) * 8 * 1e9 / nanos;
    }
}
