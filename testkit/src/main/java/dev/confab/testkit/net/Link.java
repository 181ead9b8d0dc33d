package dev.confab.testkit.net;

import java.util.ArrayList;
import java.util.List;

/**
 * A cable of the lab: a veth pair between a node ({@link #near()}, a host or a NAT router) and the device it plugs
 * into ({@link #far()}, a port on a NAT's LAN or on the public segment). Tests cut it, black-hole it and throttle it;
 * everything it changes lives in the lab's namespaces and goes with them on teardown. Thread-safe (its methods are
 * synchronized); changes take effect at once for packets sent afterwards.
 */
public final class Link {
    /** Queueing delay {@code tbf} allows before it drops, for {@link #limitRate(long)}. */
    private static final int TBF_LATENCY_MS = 50;

    private final LabTools tools;
    private final String name;
    private final LinkEnd near;
    private final LinkEnd far;
    private boolean dropping;
    private List<String> rateLimit;

    Link(LabTools tools, String name, LinkEnd near, LinkEnd far) {
        this.tools = tools;
        this.name = name;
        this.near = near;
        this.far = far;
    }

    /** A readable name such as {@code alice-uplink} or {@code nata-wan}. */
    public String name() {
        return name;
    }

    /** The node's end (a host's {@code eth0}, a router's {@code wan0}). */
    public LinkEnd near() {
        return near;
    }

    /** The end the node plugs into. */
    public LinkEnd far() {
        return far;
    }

    /**
     * Pulls the cable: takes the far end down, so the near end loses carrier but keeps its addresses and routes (taking
     * the near end down instead would make the kernel delete its routes). Nothing passes until {@link #up()}. As with a
     * real cable, the kernel forgets its neighbours on carrier loss and holds a few datagrams sent meanwhile while it
     * resolves them again (up to about 3 s): those may still arrive if the cable is back by then.
     */
    public synchronized void down() {
        Shell.check(tools.ipIn(far.namespace(), "link", "set", far.device(), "down"));
    }

    /** Plugs the cable back in. */
    public synchronized void up() {
        Shell.check(tools.ipIn(far.namespace(), "link", "set", far.device(), "up"));
    }

    /**
     * Drops every packet both ways while the link stays up: a black hole, as when a path fails somewhere upstream. A
     * {@code blackhole} queue on both ends takes the packets and reports them sent, so senders see no error (an iptables
     * DROP in OUTPUT would fail their send with EPERM, which no real path failure does). Undone by
     * {@link #stopDropping()}; a rate limit set before applies again then.
     */
    public synchronized void dropAll() {
        dropping = true;
        applyQueues();
    }

    /** Ends {@link #dropAll()}. */
    public synchronized void stopDropping() {
        if (dropping) {
            dropping = false;
            applyQueues();
        }
    }

    /**
     * Limits both directions to {@code bitsPerSecond} (counted on the wire, Ethernet, IP and UDP headers included) with
     * a token bucket filter ({@code tbf}) on the egress of both ends; the bucket holds 10 ms of traffic (at least two
     * full frames) and packets that would wait longer than 50 ms are dropped.
     */
    public void limitRate(long bitsPerSecond) {
        limitRate(bitsPerSecond, (int) Math.max(2 * 1514, bitsPerSecond / 8 / 100));
    }

    /** As {@link #limitRate(long)} with an explicit bucket size in bytes. */
    public synchronized void limitRate(long bitsPerSecond, int burstBytes) {
        if (bitsPerSecond < 8_000 || burstBytes < 1514) {
            throw new IllegalArgumentException("tbf needs at least 8 kbit/s and a 1514-byte bucket: "
                    + bitsPerSecond + " bit/s, " + burstBytes + " bytes");
        }
        rateLimit = List.of("tbf", "rate", bitsPerSecond + "bit", "burst", Integer.toString(burstBytes),
                "latency", TBF_LATENCY_MS + "ms");
        applyQueues();
    }

    /** Removes the rate limit. */
    public synchronized void removeRateLimit() {
        if (rateLimit != null) {
            rateLimit = null;
            applyQueues();
        }
    }

    @Override
    public String toString() {
        return name + " (" + near.namespace() + "/" + near.device() + " <-> " + far.namespace() + "/" + far.device() + ")";
    }

    /** Sets the root queue of both ends from the state: blackhole, tbf, or the device's default. */
    private void applyQueues() {
        List<String> queue = dropping ? List.of("blackhole") : rateLimit;
        for (LinkEnd end : List.of(near, far)) {
            List<String> args = new ArrayList<>(List.of("qdisc", queue == null ? "del" : "replace", "dev", end.device(), "root"));
            if (queue != null) {
                args.addAll(queue);
            }
            Shell.check(tools.tcIn(end.namespace(), args.toArray(String[]::new)));
        }
    }

    /** The root queue of each end as {@code tc qdisc show} prints it: for diagnostics. */
    public synchronized List<String> queues() {
        return List.of(near, far).stream()
                .map(end -> Shell.check(tools.tcIn(end.namespace(), "qdisc", "show", "dev", end.device(), "root")).strip())
                .toList();
    }
}
