package dev.confab.testkit.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a {@link Topology} out of namespaces, veth pairs, bridges, addresses, routes and iptables rules, all created
 * inside the lab's own namespaces with {@code ip -n} (nothing is added to the root namespace). Each namespace is
 * reported as soon as it exists, so the lab can remove it if a later step fails. IPv6 is off in the lab: it is an
 * IPv4 network. Used by one thread while a lab starts.
 */
final class LabWiring {
    private static final String PUBLIC_PREFIX = "203.0.113.";
    private static final int FIRST_PUBLIC_HOST = 10;
    private static final int FIRST_NAT = 100;

    private final LabTools tools;
    private final String labId;
    private final Consumer<String> namespaceMade;
    private final Consumer<AutoCloseable> owner;
    private final String wanNamespace;
    private int wanPorts;

    /** The lab's NATs and hosts by name, in declaration order. */
    record Wired(Map<String, Nat> nats, Map<String, Host> hosts) {}

    private LabWiring(LabTools tools, String labId, Consumer<String> namespaceMade, Consumer<AutoCloseable> owner) {
        this.tools = tools;
        this.labId = labId;
        this.namespaceMade = namespaceMade;
        this.owner = owner;
        this.wanNamespace = namespaceOf(Topology.PUBLIC_SEGMENT);
    }

    static Wired build(LabTools tools, String labId, Topology topology, Consumer<String> namespaceMade,
            Consumer<AutoCloseable> owner) {
        return new LabWiring(tools, labId, namespaceMade, owner).build(topology);
    }

    private Wired build(Topology topology) {
        addNamespace(wanNamespace);
        ip(wanNamespace, "link", "add", "br0", "type", "bridge");
        ip(wanNamespace, "link", "set", "br0", "up");
        Map<String, Nat> nats = new LinkedHashMap<>();
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (int n = 0; n < topology.nats().size(); n++) {
            Topology.NatSpec spec = topology.nats().get(n);
            Nat nat = addNat(spec, n);
            nats.put(spec.name(), nat);
            List<Topology.HostSpec> lan = topology.hostsBehind(spec.name());
            for (int h = 0; h < lan.size(); h++) {
                String name = lan.get(h).name();
                hosts.put(name, addPrivateHost(name, nat, n, h));
            }
        }
        List<Topology.HostSpec> publicHosts = topology.publicHosts();
        for (int i = 0; i < publicHosts.size(); i++) {
            String name = publicHosts.get(i).name();
            hosts.put(name, addPublicHost(name, address(PUBLIC_PREFIX + (FIRST_PUBLIC_HOST + i))));
        }
        return new Wired(Collections.unmodifiableMap(nats), orderedCopy(topology, hosts));
    }

    private Nat addNat(Topology.NatSpec spec, int index) {
        String ns = namespaceOf(spec.name());
        addNamespace(ns);
        InetAddress publicAddress = address(PUBLIC_PREFIX + (FIRST_NAT + index));
        InetAddress lanAddress = address(lanPrefix(index) + 1);
        Link wan = plugIntoPublicSegment(spec.name() + "-wan", ns, "wan0", publicAddress);
        ip(ns, "link", "add", "lan0", "type", "bridge");
        ip(ns, "addr", "add", lanAddress.getHostAddress() + "/24", "dev", "lan0");
        ip(ns, "link", "set", "lan0", "up");
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

    private Host addPrivateHost(String name, Nat nat, int natIndex, int hostIndex) {
        String ns = namespaceOf(name);
        addNamespace(ns);
        InetAddress address = address(lanPrefix(natIndex) + (2 + hostIndex));
        String port = "h" + hostIndex;
        ip(ns, "link", "add", "eth0", "type", "veth", "peer", "name", port, "netns", nat.namespace());
        ip(nat.namespace(), "link", "set", port, "master", "lan0", "up");
        configure(ns, "eth0", address);
        ip(ns, "route", "add", "default", "via", nat.lanAddress().getHostAddress());
        Link uplink = new Link(tools, name + "-uplink", new LinkEnd(ns, "eth0"), new LinkEnd(nat.namespace(), port));
        return new Host(tools, name, ns, address, Optional.of(nat), uplink, owner);
    }

    private Host addPublicHost(String name, InetAddress address) {
        String ns = namespaceOf(name);
        addNamespace(ns);
        Link uplink = plugIntoPublicSegment(name + "-uplink", ns, "eth0", address);
        return new Host(tools, name, ns, address, Optional.empty(), uplink, owner);
    }

    /** A veth from {@code device} in {@code ns} to a new port of the public bridge, with {@code address}/24. */
    private Link plugIntoPublicSegment(String linkName, String ns, String device, InetAddress address) {
        String port = "p" + wanPorts++;
        ip(ns, "link", "add", device, "type", "veth", "peer", "name", port, "netns", wanNamespace);
        ip(wanNamespace, "link", "set", port, "master", "br0", "up");
        configure(ns, device, address);
        return new Link(tools, linkName, new LinkEnd(ns, device), new LinkEnd(wanNamespace, port));
    }

    private void configure(String ns, String device, InetAddress address) {
        ip(ns, "addr", "add", address.getHostAddress() + "/24", "dev", device);
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

    private static String lanPrefix(int natIndex) {
        return "10.0." + (natIndex + 1) + ".";
    }

    private static Map<String, Host> orderedCopy(Topology topology, Map<String, Host> hosts) {
        Map<String, Host> ordered = new LinkedHashMap<>();
        topology.hosts().forEach(spec -> ordered.put(spec.name(), hosts.get(spec.name())));
        return Collections.unmodifiableMap(ordered);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an address: " + literal, e);
        }
    }
}
