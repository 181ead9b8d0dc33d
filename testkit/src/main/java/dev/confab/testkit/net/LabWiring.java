package dev.confab.testkit.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a {@link Topology} out of namespaces, veth pairs, bridges, addresses, routes, policy rules and iptables rules,
 * all created inside the lab's own namespaces with {@code ip -n} (nothing is added to the root namespace). Each
 * namespace is reported as soon as it exists, so the lab can remove it if a later step fails. IPv6 is off in the lab:
 * it is an IPv4 network. Used by one thread while a lab starts.
 */
final class LabWiring {
    /** The routing table of {@code eth<n>}, n > 0, is {@code FIRST_TABLE + n - 1}: {@code eth1} uses table 101. */
    private static final int FIRST_TABLE = 101;
    /** Priority of the rule sending {@code eth1}'s traffic to its table: before the main table's 32766. */
    private static final int FIRST_RULE_PRIORITY = 1000;

    private final LabTools tools;
    private final String labId;
    private final LabAddresses addresses;
    private final Consumer<String> namespaceMade;
    private final Consumer<AutoCloseable> owner;
    private final String wanNamespace;
    /** Bridge ports made so far, by namespace: their count names the next one. */
    private final Map<String, Integer> ports = new HashMap<>();

    /** The lab's NATs and hosts by name, in declaration order. */
    record Wired(Map<String, Nat> nats, Map<String, Host> hosts) {}

    private LabWiring(LabTools tools, String labId, LabAddresses addresses, Consumer<String> namespaceMade,
            Consumer<AutoCloseable> owner) {
        this.tools = tools;
        this.labId = labId;
        this.addresses = addresses;
        this.namespaceMade = namespaceMade;
        this.owner = owner;
        this.wanNamespace = namespaceOf(Topology.PUBLIC_SEGMENT);
    }

    static Wired build(LabTools tools, String labId, Topology topology, Consumer<String> namespaceMade,
            Consumer<AutoCloseable> owner) {
        return new LabWiring(tools, labId, new LabAddresses(topology), namespaceMade, owner).build(topology);
    }

    private Wired build(Topology topology) {
        addNamespace(wanNamespace);
        ip(wanNamespace, "link", "add", "br0", "type", "bridge");
        ip(wanNamespace, "link", "set", "br0", "up");
        Map<String, Nat> nats = new LinkedHashMap<>();
        for (Topology.NatSpec spec : topology.nats()) {
            nats.put(spec.name(), addNat(spec));
        }
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (Topology.HostSpec spec : topology.hosts()) {
            hosts.put(spec.name(), addHost(spec, nats));
        }
        return new Wired(Collections.unmodifiableMap(nats), Collections.unmodifiableMap(hosts));
    }

    private Nat addNat(Topology.NatSpec spec) {
        String ns = namespaceOf(spec.name());
        addNamespace(ns);
        InetAddress publicAddress = addresses.natPublic(spec.name());
        InetAddress lanAddress = addresses.natLan(spec.name());
        Link wan = plug(spec.name() + "-wan", ns, "wan0", Optional.empty());
        configure(ns, "wan0", publicAddress);
        ip(ns, "link", "add", "lan0", "type", "bridge");
        configure(ns, "lan0", lanAddress);
        sh(ns, "echo 1 > /proc/sys/net/ipv4/ip_forward");
        List<String> masquerade = spec.mapping() == NatMapping.ADDRESS_AND_PORT_DEPENDENT
                ? List.of("-t", "nat", "-A", "POSTROUTING", "-o", "wan0", "-j", "MASQUERADE", "--random")
                : List.of("-t", "nat", "-A", "POSTROUTING", "-o", "wan0", "-j", "MASQUERADE");
        iptables(ns, masquerade);
        // Like a home router's firewall: from the public side, only what belongs to a flow started inside. Dropping in
        // INPUT too matters: an unsolicited datagram to the router would otherwise leave a conntrack entry that makes
        // MASQUERADE pick another port for the private host's reply to that sender, and hole punching would fail.
        for (String chain : List.of("INPUT", "FORWARD")) {
            iptables(ns, List.of("-A", chain, "-i", "wan0", "-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED",
                    "-j", "ACCEPT"));
            iptables(ns, List.of("-A", chain, "-i", "wan0", "-j", "DROP"));
        }
        return new Nat(tools, spec.name(), ns, spec.mapping(), publicAddress, lanAddress, wan);
    }

    private Host addHost(Topology.HostSpec spec, Map<String, Nat> nats) {
        String ns = namespaceOf(spec.name());
        addNamespace(ns);
        List<HostInterface> interfaces = new ArrayList<>();
        for (int index = 0; index < spec.uplinks().size(); index++) {
            Segment segment = spec.uplinks().get(index);
            Topology.UplinkSpec uplink = new Topology.UplinkSpec(spec.name(), index);
            InetAddress address = addresses.of(uplink);
            Optional<Nat> nat = segment.nat().map(nats::get);
            String linkName = spec.name() + "-uplink" + (index == 0 ? "" : index);
            Link link = plug(linkName, ns, uplink.device(), nat);
            if (index == 0) {
                configure(ns, uplink.device(), address);
                addresses.gateway(segment).ifPresent(gateway ->
                        ip(ns, "route", "add", "default", "via", gateway.getHostAddress()));
            } else {
                routeOnlyWhatComesFrom(ns, uplink.device(), address, segment, FIRST_TABLE + index - 1,
                        FIRST_RULE_PRIORITY + index - 1);
            }
            interfaces.add(new HostInterface(uplink.device(), address, nat, link, addresses.gateway(segment)));
        }
        return new Host(tools, spec.name(), ns, interfaces, owner);
    }

    /**
     * Source-based policy routing for an extra interface: its address gets no route in the main table
     * ({@code noprefixroute}), so the main table stays {@code eth0}'s alone; a rule sends what is sent from the address
     * to a table of its own, holding the segment's network and, behind a NAT, a default route via that NAT.
     */
    private void routeOnlyWhatComesFrom(String ns, String device, InetAddress address, Segment segment, int table,
            int priority) {
        String from = address.getHostAddress();
        String tableName = Integer.toString(table);
        ip(ns, "addr", "add", from + "/" + LabAddresses.PREFIX_LENGTH, "dev", device, "noprefixroute");
        ip(ns, "link", "set", device, "up");
        ip(ns, "route", "add", addresses.network(segment), "dev", device, "src", from, "table", tableName);
        addresses.gateway(segment).ifPresent(gateway -> ip(ns, "route", "add", "default", "via",
                gateway.getHostAddress(), "dev", device, "table", tableName));
        ip(ns, "rule", "add", "from", from, "table", tableName, "priority", Integer.toString(priority));
    }

    /**
     * A veth from {@code device} in {@code ns} to a new port of a bridge: the LAN ({@code lan0}) of {@code nat}, or the
     * public segment ({@code br0}) if there is none.
     */
    private Link plug(String linkName, String ns, String device, Optional<Nat> nat) {
        String segmentNamespace = nat.map(Nat::namespace).orElse(wanNamespace);
        String port = (nat.isPresent() ? "h" : "p") + ports.merge(segmentNamespace, 1, Integer::sum);
        String bridge = nat.isPresent() ? "lan0" : "br0";
        ip(ns, "link", "add", device, "type", "veth", "peer", "name", port, "netns", segmentNamespace);
        ip(segmentNamespace, "link", "set", port, "master", bridge, "up");
        return new Link(tools, linkName, new LinkEnd(ns, device), new LinkEnd(segmentNamespace, port));
    }

    private void configure(String ns, String device, InetAddress address) {
        ip(ns, "addr", "add", address.getHostAddress() + "/" + LabAddresses.PREFIX_LENGTH, "dev", device);
        ip(ns, "link", "set", device, "up");
    }

    private void addNamespace(String ns) {
        Shell.check(List.of(tools.ip, "netns", "add", ns));
        namespaceMade.accept(ns);
        ip(ns, "link", "set", "lo", "up");
        sh(ns, "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6 && echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6");
    }

    private String namespaceOf(String node) {
        return labId + "-" + node;
    }

    private void ip(String ns, String... args) {
        Shell.check(tools.ipIn(ns, args));
    }

    private void iptables(String ns, List<String> args) {
        Shell.check(tools.iptablesIn(ns, args.toArray(String[]::new)));
    }

    private void sh(String ns, String script) {
        Shell.check(tools.inNamespace(ns, List.of("sh", "-c", script)));
    }
}
