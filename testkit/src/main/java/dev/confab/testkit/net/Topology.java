package dev.confab.testkit.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The shape of a {@link NetworkLab}: NAT routers, each with a private LAN, and hosts whose uplinks plug into such a LAN
 * or into the public segment (where a STUN/TURN server sits). A host has one uplink, {@code eth0}, or two: a
 * multi-homed host also has {@code eth1}, on another segment. The lab gives the addresses: public segment
 * 203.0.113.0/24 (TEST-NET-3) with host interfaces from .10 and NAT routers from .100 in the order declared; the n-th
 * NAT's LAN is 10.0.n.0/24 with the router at .1 and host interfaces from .2. On each segment the {@code eth0}s come
 * first, in host order, then the {@code eth1}s (so giving a host a second uplink moves no other host's {@code eth0}).
 * An immutable value.
 *
 * @param nats  the NAT routers, in declaration order
 * @param hosts the hosts, in declaration order
 */
public record Topology(List<NatSpec> nats, List<HostSpec> hosts) {
    /** Node names: short, lower case, because they become part of namespace names. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");
    static final String PUBLIC_SEGMENT = "wan";
    static final int MAX_PUBLIC_INTERFACES = 90;
    static final int MAX_NATS = 100;
    static final int MAX_INTERFACES_PER_LAN = 200;
    /** {@code eth0} and {@code eth1}. */
    static final int MAX_UPLINKS = 2;

    /** A NAT router: its name and how it maps ports. */
    public record NatSpec(String name, NatMapping mapping) {}

    /**
     * A host: its name and where its uplinks plug in, {@code eth0} first; one or two uplinks, on different segments.
     */
    public record HostSpec(String name, List<Segment> uplinks) {
        public HostSpec {
            uplinks = List.copyOf(uplinks);
            if (uplinks.isEmpty() || uplinks.size() > MAX_UPLINKS) {
                throw new IllegalArgumentException("Host " + name + " needs 1 to " + MAX_UPLINKS + " uplinks: " + uplinks);
            }
            if (Set.copyOf(uplinks).size() != uplinks.size()) {
                throw new IllegalArgumentException("Host " + name + " has two uplinks to the " + uplinks.getFirst()
                        + ": a second uplink goes to another segment");
            }
        }

        /** The NAT router {@code eth0} sits behind; empty when {@code eth0} is on the public segment. */
        public Optional<String> nat() {
            return uplinks.getFirst().nat();
        }
    }

    /** Interface {@code eth<index>} of host {@code host}. */
    public record UplinkSpec(String host, int index) {
        /** The interface's device name in the host, such as {@code eth1}. */
        public String device() {
            return "eth" + index;
        }
    }

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
            host.uplinks().stream().flatMap(s -> s.nat().stream()).filter(n -> !natNames.contains(n)).findFirst()
                    .ifPresent(n -> {
                        throw new IllegalArgumentException("Host " + host.name() + " is behind an undeclared NAT: " + n);
                    });
        }
        if (nats.size() > MAX_NATS) {
            throw new IllegalArgumentException("At most " + MAX_NATS + " NATs");
        }
        if (uplinksOn(hosts, Segment.PUBLIC).size() > MAX_PUBLIC_INTERFACES) {
            throw new IllegalArgumentException("At most " + MAX_PUBLIC_INTERFACES
                    + " host interfaces on the public segment");
        }
        for (NatSpec nat : nats) {
            if (uplinksOn(hosts, Segment.lanOf(nat.name())).size() > MAX_INTERFACES_PER_LAN) {
                throw new IllegalArgumentException("At most " + MAX_INTERFACES_PER_LAN + " host interfaces behind "
                        + nat.name());
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

    /**
     * As {@link #twoNattedPeersAndServer}, with {@code alice} multi-homed: her {@code eth0} behind {@code nata}
     * (10.0.1.2, seen as 203.0.113.100) and her {@code eth1} behind a third NAT, {@code natc} (10.0.3.2, seen as
     * 203.0.113.102); {@code bob} behind {@code natb} (10.0.2.2, seen as 203.0.113.101); {@code server} at
     * 203.0.113.10. All NATs map with {@code mapping}.
     */
    public static Topology twoNattedPeersAndServerWithMultiHomedAlice(NatMapping mapping) {
        return builder().nat("nata", mapping).nat("natb", mapping).nat("natc", mapping)
                .hostBehind("alice", "nata").secondUplinkBehind("alice", "natc")
                .hostBehind("bob", "natb").publicHost("server").build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The hosts whose {@code eth0} is on the LAN of NAT {@code nat}, in declaration order. */
    public List<HostSpec> hostsBehind(String nat) {
        return hosts.stream().filter(h -> h.nat().equals(Optional.of(nat))).toList();
    }

    /** The hosts whose {@code eth0} is on the public segment, in declaration order. */
    public List<HostSpec> publicHosts() {
        return hosts.stream().filter(h -> h.nat().isEmpty()).toList();
    }

    /** The host interfaces on {@code segment} in the order they get addresses: {@code eth0}s, then {@code eth1}s. */
    public List<UplinkSpec> uplinksOn(Segment segment) {
        return uplinksOn(hosts, segment);
    }

    private static List<UplinkSpec> uplinksOn(List<HostSpec> hosts, Segment segment) {
        return IntStream.range(0, MAX_UPLINKS).boxed()
                .flatMap(index -> hosts.stream()
                        .filter(h -> index < h.uplinks().size() && h.uplinks().get(index).equals(segment))
                        .map(h -> new UplinkSpec(h.name(), index)))
                .toList();
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

        /** A host whose {@code eth0} is on the LAN of NAT {@code nat}, which must be declared (before or after). */
        public Builder hostBehind(String name, String nat) {
            hosts.add(new HostSpec(name, List.of(Segment.lanOf(nat))));
            return this;
        }

        /** A host whose {@code eth0} has an address on the public segment, reachable by everyone. */
        public Builder publicHost(String name) {
            hosts.add(new HostSpec(name, List.of(Segment.PUBLIC)));
            return this;
        }

        /**
         * Gives host {@code host}, declared before, a second uplink, {@code eth1}, on the LAN of NAT {@code nat} (which
         * must be declared, before or after, and must not be where {@code eth0} is).
         */
        public Builder secondUplinkBehind(String host, String nat) {
            return secondUplink(host, Segment.lanOf(nat));
        }

        /** Gives host {@code host}, declared before and not public itself, a second uplink on the public segment. */
        public Builder secondPublicUplink(String host) {
            return secondUplink(host, Segment.PUBLIC);
        }

        public Topology build() {
            return new Topology(nats, hosts);
        }

        private Builder secondUplink(String host, Segment segment) {
            int index = IntStream.range(0, hosts.size()).filter(i -> hosts.get(i).name().equals(host)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Declare host " + host + " before its second uplink"));
            HostSpec spec = hosts.get(index);
            if (spec.uplinks().size() > 1) {
                throw new IllegalArgumentException("Host " + host + " already has a second uplink, to the "
                        + spec.uplinks().get(1));
            }
            hosts.set(index, new HostSpec(host, List.of(spec.uplinks().getFirst(), segment)));
            return this;
        }
    }
}
