package dev.confab.testkit.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A host of a {@link NetworkLab}: a network namespace with one interface, {@code eth0}, plugged into its NAT's LAN or
 * into the public segment. Commands and processes run inside it; processes it started are killed when the lab closes.
 * Thread-safe.
 */
public final class Host {
    private final LabTools tools;
    private final String name;
    private final String namespace;
    private final InetAddress address;
    private final Optional<Nat> nat;
    private final Link uplink;
    private final Consumer<AutoCloseable> owner;

    Host(LabTools tools, String name, String namespace, InetAddress address, Optional<Nat> nat, Link uplink,
            Consumer<AutoCloseable> owner) {
        this.tools = tools;
        this.name = name;
        this.namespace = namespace;
        this.address = address;
        this.nat = nat;
        this.uplink = uplink;
        this.owner = owner;
    }

    public String name() {
        return name;
    }

    /** The namespace's name, for {@code ip netns exec}. */
    public String namespace() {
        return namespace;
    }

    /** The address of {@code eth0}: private (10.0.n.x) behind a NAT, public (203.0.113.x) otherwise. */
    public InetAddress address() {
        return address;
    }

    /** Where the public segment sees this host's traffic come from: its NAT's public address, or its own. */
    public InetAddress publicAddress() {
        return nat.map(Nat::publicAddress).orElse(address);
    }

    /** The NAT router this host sits behind, if any. */
    public Optional<Nat> nat() {
        return nat;
    }

    /** The cable from {@code eth0} to the NAT's LAN or to the public segment. */
    public Link uplink() {
        return uplink;
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
        return name + " " + address.getHostAddress() + nat.map(n -> " behind " + n.name()).orElse(" (public)");
    }
}
