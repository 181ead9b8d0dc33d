package dev.confab.testkit.net;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Loses every {@code n}th UDP datagram arriving at chosen local ports of this machine's own network namespace (for
 * peers, such as Chromium, that run outside the lab's namespaces): an {@code iptables}/{@code ip6tables} rule in the
 * INPUT chain per port, {@code -m statistic --mode nth} so the loss is the same in every run (or all the media). Receivers see a path
 * that loses packets; senders see nothing (no error, unlike a DROP where they send). The rules carry a comment and are
 * removed on {@link #close}, and leftovers of a crashed run are removed when the next one starts. Needs root.
 *
 * <p>Thread contract: not thread-safe; one test makes and closes it.
 */
public final class ReceiveLoss implements AutoCloseable {
    private static final String COMMENT = "confab-test-receive-loss";

    private final List<List<String>> rules = new ArrayList<>();

    private ReceiveLoss() {
    }

    /** Loses every {@code every}th datagram to each of {@code ports}, by IPv4 or IPv6. */
    public static ReceiveLoss everyNth(int every, List<InetSocketAddress> ports) {
        if (every < 2) {
            throw new IllegalArgumentException("lose every 2nd datagram or fewer, not every " + every);
        }
        return lose(ports, List.of("-m", "statistic", "--mode", "nth", "--every", Integer.toString(every),
                "--packet", "0"));
    }

    /**
     * Loses every RTP and RTCP datagram (version 2 in the first two bits, SRTP's header being in the clear) to each of
     * {@code ports} until closed, letting STUN and DTLS through: the media goes dark while ICE sees a live path.
     */
    public static ReceiveLoss allMedia(List<InetSocketAddress> ports) {
        return lose(ports, List.of());
    }

    /**
     * The rules, for both IPv4 and IPv6 on each port: what arrives at a port is lost whichever family it came by (a
     * dual-stack peer's packets do not always come by the family of the address a candidate pair names).
     */
    private static ReceiveLoss lose(List<InetSocketAddress> ports, List<String> match) {
        removeLeftovers();
        ReceiveLoss loss = new ReceiveLoss();
        try {
            for (InetSocketAddress port : ports) {
                for (boolean ipv6 : new boolean[] {false, true}) {
                    List<String> rule = new ArrayList<>(List.of("INPUT", "-p", "udp", "--dport",
                            Integer.toString(port.getPort())));
                    // The UDP payload's first two bits: after the 40-byte IPv6 header, or IPv4's of its own length.
                    rule.addAll(match.isEmpty() ? List.of("-m", "u32", "--u32", ipv6 ? "48>>30=2" : "0>>22&0x3C@8>>30=2")
                            : match);
                    rule.addAll(List.of("-m", "comment", "--comment", COMMENT, "-j", "DROP"));
                    String tool = ipv6 ? "ip6tables" : "iptables";
                    List<String> command = new ArrayList<>(List.of(tool, "-I"));
                    command.addAll(rule);
                    Shell.check(command);
                    List<String> delete = new ArrayList<>(List.of(tool, "-D"));
                    delete.addAll(rule);
                    loss.rules.add(delete);
                }
            }
            return loss;
        } catch (RuntimeException e) {
            loss.close();
            throw e;
        }
    }

    /** Removes the rules. Idempotent. */
    @Override
    public void close() {
        for (List<String> delete : rules) {
            Shell.run(delete);
        }
        rules.clear();
    }

    /** Deletes rules with this class's comment left by a run that did not close them. */
    private static void removeLeftovers() {
        for (String tool : List.of("iptables", "ip6tables")) {
            for (String line : Shell.check(List.of(tool, "-S", "INPUT")).lines().toList()) {
                if (line.startsWith("-A INPUT") && line.contains(COMMENT)) {
                    List<String> delete = new ArrayList<>(List.of(tool, "-D"));
                    delete.addAll(List.of(line.substring(3).replace("\"", "").split(" ")));
                    Shell.run(delete);
                }
            }
        }
    }
}
