package dev.confab.testkit.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A network of namespaces for one test: NAT routers with private LANs, hosts behind them and on a public segment
 * (see {@link Topology} for the addresses). Namespaces are called {@code cfl-<pid>-<n>-<node>}; leftovers of a crashed
 * run are removed before a lab starts. {@link #close()} kills the processes started in the hosts and deletes every
 * namespace, which takes the veths, bridges, iptables rules and queues inside them along; it also runs from a shutdown
 * hook should the JVM end first. Needs root, iproute2 and iptables; fails saying what to install when they are missing.
 * Thread-safe.
 */
public final class NetworkLab implements AutoCloseable {
    private final LabTools tools;
    private final String id;
    private final Topology topology;
    private final List<String> namespaces = new ArrayList<>();
    private final Deque<AutoCloseable> processes = new ArrayDeque<>();
    private final Thread shutdownHook;
    private Map<String, Nat> nats = Map.of();
    private Map<String, Host> hosts = Map.of();
    private boolean closed;

    private NetworkLab(LabTools tools, String id, Topology topology) {
        this.tools = tools;
        this.id = id;
        this.topology = topology;
        this.shutdownHook = new Thread(this::teardown, id + "-cleanup");
    }

    /** Builds {@code topology} and returns the running lab; on failure removes what it had made and throws. */
    public static NetworkLab start(Topology topology) {
        LabTools tools = LabTools.require();
        LabNamespaces.removeLeftovers(tools);
        return start(tools, LabNamespaces.newLabId(), topology);
    }

    static NetworkLab start(LabTools tools, String id, Topology topology) {
        NetworkLab lab = new NetworkLab(tools, id, topology);
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        try {
            LabWiring.Wired wired = LabWiring.build(tools, lab.id, topology, lab::madeNamespace, lab::own);
            synchronized (lab) {
                lab.nats = wired.nats();
                lab.hosts = wired.hosts();
            }
            return lab;
        } catch (RuntimeException e) {
            try {
                lab.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The lab's id, the start of all its namespace names, such as {@code cfl-4242-1}. */
    public String id() {
        return id;
    }

    public Topology topology() {
        return topology;
    }

    /** The host called {@code name}. */
    public synchronized Host host(String name) {
        return find(hosts, name, "host");
    }

    /** The NAT router called {@code name}. */
    public synchronized Nat nat(String name) {
        return find(nats, name, "NAT");
    }

    /** All hosts, in the topology's order. */
    public synchronized List<Host> hosts() {
        return List.copyOf(hosts.values());
    }

    /** The names of the namespaces this lab made and has not removed yet. */
    public synchronized List<String> namespaces() {
        return List.copyOf(namespaces);
    }

    /** Kills processes started in the hosts and deletes the lab's namespaces. Idempotent. */
    @Override
    public void close() {
        teardown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and the hook runs (or ran) teardown itself.
        }
    }

    @Override
    public String toString() {
        return id + " " + hosts.values();
    }

    private synchronized void teardown() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        while (!processes.isEmpty()) {
            try {
                processes.pop().close();
            } catch (Exception e) {
                failure = remember(failure, e);
            }
        }
        for (String namespace : namespaces.reversed()) {
            try {
                LabNamespaces.delete(tools, namespace);
            } catch (RuntimeException e) {
                failure = remember(failure, e);
            }
        }
        namespaces.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private synchronized void madeNamespace(String namespace) {
        namespaces.add(namespace);
    }

    private synchronized void own(AutoCloseable process) {
        if (closed) {
            try {
                process.close();
            } catch (Exception e) {
                throw new IllegalStateException("The lab is closed; the process was stopped, with an error", e);
            }
            throw new IllegalStateException("The lab " + id + " is closed");
        }
        processes.push(process);
    }

    private static RuntimeException remember(RuntimeException first, Exception next) {
        if (first == null) {
            return new IllegalStateException("Lab teardown was incomplete", next);
        }
        first.addSuppressed(next);
        return first;
    }

    private static <T> T find(Map<String, T> nodes, String name, String kind) {
        T node = nodes.get(name);
        if (node == null) {
            throw new NoSuchElementException("No " + kind + " '" + name + "' in the lab; there are " + nodes.keySet());
        }
        return node;
    }
}
