package dev.confab.media.ice;

import dev.confab.media.sdp.CandidateType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * Gathers an agent's local candidates (RFC 8445 section 5.1.1) and owns what they send through: a socket per usable
 * local address (host candidates), a STUN Binding per socket and STUN server (server-reflexive), an allocation per
 * socket and TURN server (relayed, and server-reflexive from the allocation's mapped address). With
 * {@link IceAgentConfig#relayOnly} only relayed candidates are reported.
 *
 * <p>Thread contract: {@link #start}, {@link #candidates} and {@link #close} on the agent's executor; the lookups
 * ({@link #baseOf}, {@link #relayFor}, {@link #routeFor}) from any thread.
 */
final class CandidateGatherer implements AutoCloseable {

    /** Where gathered candidates go, on the agent's executor. */
    interface Sink {
        void gathered(LocalCandidate candidate);

        void complete();
    }

    private final IceAgentConfig config;
    private final Executor executor;
    private final ScheduledExecutorService timers;
    private final RandomGenerator random;
    private final IceSocket.Receiver socketReceiver;
    private final Relay.PeerReceiver relayReceiver;
    private final Sink sink;
    private final Foundations foundations = new Foundations();
    private final List<Base> bases = new CopyOnWriteArrayList<>();
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final List<LocalCandidate> candidates = new ArrayList<>();
    private boolean complete;
    private boolean closed;

    CandidateGatherer(IceAgentConfig config, Executor executor, ScheduledExecutorService timers,
            RandomGenerator random, IceSocket.Receiver socketReceiver, Relay.PeerReceiver relayReceiver, Sink sink) {
        this.config = config;
        this.executor = executor;
        this.timers = timers;
        this.random = random;
        this.socketReceiver = socketReceiver;
        this.relayReceiver = relayReceiver;
        this.sink = sink;
    }

    /** Opens the sockets and reports host candidates now; reflexive and relayed ones follow as servers answer. */
    void start() {
        List<InetAddress> addresses;
        try {
            addresses = HostAddresses.usable(config.includeLoopback());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the network interfaces", e);
        }
        int preference = 65535;
        for (InetAddress address : addresses) {
            try {
                IceSocket socket = IceSocket.open(address, socketReceiver);
                LocalCandidate host = LocalCandidate.host(socket.localAddress(),
                        CandidatePriority.of(CandidateType.HOST, preference),
                        foundations.of(CandidateType.HOST, address, Optional.empty()));
                bases.add(new Base(socket, host, preference, timers));
                preference = Math.max(0, preference - 1);
                report(host);
            } catch (IOException e) {
                // an address that cannot be bound is no candidate
            }
        }
        // Every relay is registered before anything is sent, so that all a TURN server sends finds its relay first;
        // the answer to a Binding request from a TURN server that is the STUN server too is passed on to the base.
        for (Base base : bases) {
            for (TurnServer server : config.turnServers()) {
                if (sameFamily(base, server.address())) {
                    relays.add(Relay.on(base, server, relayReceiver, timers, random));
                }
            }
        }
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (Base base : bases) {
            for (InetSocketAddress server : config.stunServers()) {
                if (sameFamily(base, server)) {
                    pending.add(ServerReflexive.query(base, server, random).thenAcceptAsync(mapped -> mapped
                            .ifPresent(address -> reflexive(base, server, address)), executor));
                }
            }
        }
        for (Relay relay : relays) {
            pending.add(relay.allocate().thenAcceptAsync(allocated -> {
                if (allocated) {
                    relayed(relay);
                } else {
                    relays.remove(relay);
                    relay.close();
                }
            }, executor));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).whenCompleteAsync((ignored, error) -> {
            complete = true;
            if (!closed) {
                sink.complete();
            }
        }, executor);
    }

    /** Whether every server has answered or given up. */
    boolean complete() {
        return complete;
    }

    /** Every candidate reported so far that can still be used, in order: what a restart reports again. */
    List<LocalCandidate> candidates() {
        List<LocalCandidate> usable = new ArrayList<>();
        for (LocalCandidate candidate : candidates) {
            if (config.relayOnly() && !candidate.relayed()) {
                continue;
            }
            if (!candidate.relayed() || relays.stream().anyMatch(r -> r.candidate() == candidate && !r.lost())) {
                usable.add(candidate);
            }
        }
        return usable;
    }

    /** Each relay's TURN counters, for diagnostics. */
    String relayStats() {
        return relays.stream().map(r -> r.server.address() + " " + r.turn.stats()).toList().toString();
    }

    /** The base that owns {@code socket}, or null once closed. */
    Base baseOf(IceSocket socket) {
        for (Base base : bases) {
            if (base.socket == socket) {
                return base;
            }
        }
        return null;
    }

    /** The relay whose TURN server sent a datagram to {@code socket} from {@code source}, or null. */
    Relay relayFor(IceSocket socket, InetSocketAddress source) {
        for (Relay relay : relays) {
            if (relay.base.socket == socket && relay.server.address().equals(source)) {
                return relay;
            }
        }
        return null;
    }

    /** The route that sends for {@code local}: its relay, or the base socket of a host or reflexive candidate. */
    Route routeFor(LocalCandidate local) {
        if (local.relayed()) {
            for (Relay relay : relays) {
                if (relay.candidate() != null && relay.candidate().address().equals(local.address())) {
                    return relay;
                }
            }
        } else {
            for (Base base : bases) {
                if (base.host.address().equals(local.base())) {
                    return base;
                }
            }
        }
        throw new IllegalStateException("no route for " + local);
    }

    /**
     * Releases the allocations, then closes the sockets they were released through; returns at once, with a future
     * that completes when every socket is closed.
     */
    CompletableFuture<Void> release() {
        closed = true;
        return CompletableFuture.allOf(relays.stream().map(Relay::release).toArray(CompletableFuture[]::new))
                .handle((released, error) -> {
                    bases.forEach(Base::close);
                    return null;
                });
    }

    @Override
    public void close() {
        release();
    }

    private void reflexive(Base base, InetSocketAddress server, InetSocketAddress mapped) {
        if (closed || mapped.equals(base.host.address())
                || candidates.stream().anyMatch(c -> c.type() == CandidateType.SRFLX && c.address().equals(mapped))) {
            return;
        }
        report(new LocalCandidate(CandidateType.SRFLX, mapped, base.host.address(),
                CandidatePriority.of(CandidateType.SRFLX, base.localPreference),
                foundations.of(CandidateType.SRFLX, base.host.address().getAddress(), Optional.of(server)),
                Optional.of(server)));
    }

    private void relayed(Relay relay) {
        if (closed) {
            return;
        }
        relay.mapped().ifPresent(mapped -> reflexive(relay.base, relay.server.address(), mapped));
        report(relay.makeCandidate(foundations));
    }

    private void report(LocalCandidate candidate) {
        candidates.add(candidate);
        if (!config.relayOnly() || candidate.relayed()) {
            sink.gathered(candidate);
        }
    }

    private static boolean sameFamily(Base base, InetSocketAddress server) {
        return base.host.address().getAddress().getClass() == server.getAddress().getClass();
    }
}
