package dev.confab.testkit.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A host of a {@link NetworkLab}: a network namespace with one interface, {@code eth0}, plugged into its NAT's LAN or
 * into the public segment, and for a multi-homed host a second one, {@code eth1}, plugged into another segment.
 * Routing: the main table holds {@code eth0}'s network and its default route (via its NAT), and nothing of
 * {@code eth1}, so unbound sockets and sockets bound to {@code eth0}'s address always use {@code eth0}. A policy rule
 * ({@code ip rule add from <eth1 address> table 101}) sends whatever a socket bound to {@code eth1}'s address sends
 * through table 101, which holds {@code eth1}'s network and its default route via {@code eth1}'s NAT: such traffic
 * leaves by {@code eth1} and keeps flowing when {@code eth0} is cut. Commands and processes run inside the host;
 * processes it started are killed when the lab closes. Thread-safe.
 */
public final class Host {
    private final LabTools tools;
    private final String name;
    private final String namespace;
    private final List<HostInterface> interfaces;
    private final Consumer<AutoCloseable> owner;

    Host(LabTools tools, String name, String namespace, List<HostInterface> interfaces, Consumer<AutoCloseable> owner) {
        this.tools = tools;
        this.name = name;
        this.namespace = namespace;
        this.interfaces = List.copyOf(interfaces);
        this.owner = owner;
    }

    public String name() {
        return name;
    }

    /** The namespace's name, for {@code ip netns exec}. */
    public String namespace() {
        return namespace;
    }

    /** The interfaces, {@code eth0} first; two for a multi-homed host. */
    public List<HostInterface> interfaces() {
        return interfaces;
    }

    /** The address of {@code eth0}: private (10.0.n.x) behind a NAT, public (203.0.113.x) otherwise. */
    public InetAddress address() {
        return interfaces.getFirst().address();
    }

    /** The address of every interface, {@code eth0}'s first. */
    public List<InetAddress> addresses() {
        return interfaces.stream().map(HostInterface::address).toList();
    }

    /** Where the public segment sees {@code eth0}'s traffic come from: its NAT's public address, or its own. */
    public InetAddress publicAddress() {
        return interfaces.getFirst().publicAddress();
    }

    /** The NAT router {@code eth0} sits behind, if any. */
    public Optional<Nat> nat() {
        return interfaces.getFirst().nat();
    }

    /** The cable from {@code eth0} to its NAT's LAN or to the public segment. */
    public Link uplink() {
        return interfaces.getFirst().uplink();
    }

    /** The cable from {@code eth<index>}: 0 for {@code eth0}, 1 for a multi-homed host's {@code eth1}. */
    public Link uplink(int index) {
        if (index < 0 || index >= interfaces.size()) {
            throw new IndexOutOfBoundsException("Host " + name + " has no eth" + index + "; it has " + interfaces);
        }
        return interfaces.get(index).uplink();
    }

    /**
     * Moves the main table's default route, the one unbound sockets use, onto {@code eth<index>}, as a network manager
     * does when the cable of the connection it used is pulled and another one is left; the rules that route what is
     * sent from a bound address stay. {@code routeUnboundTrafficThrough(0)} puts it back as the lab made it.
     */
    public void routeUnboundTrafficThrough(int index) {
        uplink(index);
        HostInterface via = interfaces.get(index);
        List<String> route = new ArrayList<>(List.of("route", "replace", "default"));
        via.gateway().ifPresent(gateway -> route.addAll(List.of("via", gateway.getHostAddress(), "onlink")));
        route.addAll(List.of("dev", via.device(), "src", via.address().getHostAddress()));
        Shell.check(tools.ipIn(namespace, route.toArray(String[]::new)));
    }

    /** The cables of every interface, {@code eth0}'s first. */
    public List<Link> uplinks() {
        return interfaces.stream().map(HostInterface::uplink).toList();
    }

    /** Runs {@code command} inside the host and waits up to 30 s for it; check {@link CommandResult#orThrow()}. */
    public CommandResult exec(String... command) {
        return Shell.run(tools.inNamespace(namespace, List.of(command)));
    }

    /** Runs {@code command} inside the host and waits up to {@code timeout} for it. */
    public CommandResult exec(Duration timeout, String... command) {
        return Shell.run(tools.inNamespace(namespace, List.of(command)), timeout);
    }

    /** Starts a long-running {@code command} inside the host; it is killed when the lab closes, if not before. */
    public NamespaceProcess start(List<String> command) {
        NamespaceProcess process = NamespaceProcess.start(tools, namespace, command);
        owner.accept(process);
        return process;
    }

    /** Starts {@code mainClass} in a JVM inside the host (see {@link NamespaceJvm}); killed when the lab closes. */
    public NamespaceJvm startJvm(Class<?> mainClass, String... args) {
        NamespaceJvm jvm = NamespaceJvm.start(tools, namespace, mainClass.getName(), NamespaceJvm.JVM_OPTIONS, List.of(args));
        owner.accept(jvm);
        return jvm;
    }

    @Override
    public String toString() {
        return name + " " + interfaces.stream().map(HostInterface::toString).collect(Collectors.joining(", "));
    }
}
