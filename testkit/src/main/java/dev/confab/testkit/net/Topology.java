package dev.confab.testkit.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of a {@link NetworkLab}: NAT routers, each with a private LAN, and hosts either on such a LAN or directly
 * on the public segment (where a STUN/TURN server sits). The lab gives the addresses: public segment 203.0.113.0/24
 * (TEST-NET-3) with public hosts from .10 and NAT routers from .100 in the order declared; the n-th NAT's LAN is
 * 10.0.n.0/24 with the router at .1 and its hosts from .2. An immutable value.
 *
 * @param nats  the NAT routers, in declaration order
 * @param hosts the hosts, in declaration order
 */
public record Topology(List<NatSpec> nats, List<HostSpec> hosts) {
    /** Node names: short, lower case, because they become part of namespace names. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");
    static final String PUBLIC_SEGMENT = "wan";
    static final int MAX_PUBLIC_HOSTS = 90;
    static final int MAX_NATS = 100;
    static final int MAX_HOSTS_PER_LAN = 200;

    /** A NAT router: its name and how it maps ports. */
    public record NatSpec(String name, NatMapping mapping) {}

    /** A host: its name and the NAT it sits behind, or none for a host on the public segment. */
    public record HostSpec(String name, Optional<String> nat) {}

    public Topology {
        nats = List.copyOf(nats);
        hosts = List.copyOf(hosts);
        Set<String> names = new HashSet<>();
        Set<String> natNames = new HashSet<>();
        for (NatSpec nat : nats) {
            checkName(nat.name(), names);
            natNames.add(nat.name());
        }
        for (HostSpec host : hosts) {
            checkName(host.name(), names);
            host.nat().filter(n -> !natNames.contains(n)).ifPresent(n -> {
                throw new IllegalArgumentException("Host " + host.name() + " is behind an undeclared NAT: " + n);
            });
        }
        if (nats.size() > MAX_NATS) {
            throw new IllegalArgumentException("At most " + MAX_NATS + " NATs");
        }
        if (hosts.stream().filter(h -> h.nat().isEmpty()).count() > MAX_PUBLIC_HOSTS) {
            throw new IllegalArgumentException("At most " + MAX_PUBLIC_HOSTS + " public hosts");
        }
        for (NatSpec nat : nats) {
            if (hostsBehind(hosts, nat.name()).size() > MAX_HOSTS_PER_LAN) {
                throw new IllegalArgumentException("At most " + MAX_HOSTS_PER_LAN + " hosts behind " + nat.name());
            }
        }
    }

    /**
     * Two peers, each behind its own NAT with the given mapping, and a server on the public segment: hosts
     * {@code alice} (behind {@code nata}), {@code bob} (behind {@code natb}) and {@code server}.
     */
    public static Topology twoNattedPeersAndServer(NatMapping mapping) {
        return builder().nat("nata", mapping).nat("natb", mapping)
                .hostBehind("alice", "nata").hostBehind("bob", "natb").publicHost("server").build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The hosts on the LAN of NAT {@code nat}, in declaration order. */
    public List<HostSpec> hostsBehind(String nat) {
        return hostsBehind(hosts, nat);
    }

    /** The hosts on the public segment, in declaration order. */
    public List<HostSpec> publicHosts() {
        return hosts.stream().filter(h -> h.nat().isEmpty()).toList();
    }

    private static List<HostSpec> hostsBehind(List<HostSpec> hosts, String nat) {
        return hosts.stream().filter(h -> h.nat().equals(Optional.of(nat))).toList();
    }

    private static void checkName(String name, Set<String> taken) {
        if (!NAME.matcher(name).matches() || name.equals(PUBLIC_SEGMENT)) {
            throw new IllegalArgumentException("Bad node name '" + name + "': 1-12 of [a-z0-9], starting with a letter,"
                    + " not '" + PUBLIC_SEGMENT + "'");
        }
        if (!taken.add(name)) {
            throw new IllegalArgumentException("Node name used twice: " + name);
        }
    }

    /** Collects NATs and hosts in order. Not thread-safe. */
    public static final class Builder {
        private final List<NatSpec> nats = new ArrayList<>();
        private final List<HostSpec> hosts = new ArrayList<>();

        private Builder() {}

        /** A NAT router with its own LAN. */
        public Builder nat(String name, NatMapping mapping) {
            nats.add(new NatSpec(name, mapping));
            return this;
        }

        /** A host on the LAN of NAT {@code nat}, which must be declared (before or after). */
        public Builder hostBehind(String name, String nat) {
            hosts.add(new HostSpec(name, Optional.of(nat)));
            return this;
        }

        /** A host with an address on the public segment, reachable by everyone. */
        public Builder publicHost(String name) {
            hosts.add(new HostSpec(name, Optional.empty()));
            return this;
        }

        public Topology build() {
            return new Topology(nats, hosts);
        }
    }
}
