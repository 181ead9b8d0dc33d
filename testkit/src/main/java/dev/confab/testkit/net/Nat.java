package dev.confab.testkit.net;

import java.net.InetAddress;
import java.util.List;

/**
 * A NAT router of a {@link NetworkLab}: a namespace that forwards between its LAN ({@code lan0}, a bridge holding its
 * hosts' cables) and the public segment ({@code wan0}), with {@code iptables -t nat ... -o wan0 -j MASQUERADE} and
 * INPUT and FORWARD rules that let in from {@code wan0} only what belongs to a flow started inside, silently dropping
 * the rest (as a home router does; see {@link NatMapping} for how it maps and filters). Thread-safe.
 */
public final class Nat {
    private final LabTools tools;
    private final String name;
    private final String namespace;
    private final NatMapping mapping;
    private final InetAddress publicAddress;
    private final InetAddress lanAddress;
    private final Link wan;

    Nat(LabTools tools, String name, String namespace, NatMapping mapping, InetAddress publicAddress,
            InetAddress lanAddress, Link wan) {
        this.tools = tools;
        this.name = name;
        this.namespace = namespace;
        this.mapping = mapping;
        this.publicAddress = publicAddress;
        this.lanAddress = lanAddress;
        this.wan = wan;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public NatMapping mapping() {
        return mapping;
    }

    /** The router's address on the public segment: the source its hosts' traffic shows there. */
    public InetAddress publicAddress() {
        return publicAddress;
    }

    /** The router's address on its LAN: its hosts' default gateway. */
    public InetAddress lanAddress() {
        return lanAddress;
    }

    /** The cable from {@code wan0} to the public segment. */
    public Link wan() {
        return wan;
    }

    /** The router's UDP connection-tracking entries ({@code /proc/net/nf_conntrack}), one per mapping: for diagnostics. */
    public List<String> udpMappings() {
        return Shell.check(tools.inNamespace(namespace, List.of("cat", "/proc/net/nf_conntrack"))).lines()
                .filter(line -> line.contains(" udp ")).toList();
    }

    @Override
    public String toString() {
        return name + " " + publicAddress.getHostAddress() + " (" + mapping + ")";
    }
}
