package dev.confab.media.ice;

import dev.confab.media.sdp.CandidateType;
import dev.confab.media.stun.StunClientTransactions;
import dev.confab.media.turn.TurnAllocation;
import dev.confab.media.turn.TurnClient;
import dev.confab.media.turn.TurnClientConfig;
import dev.confab.media.turn.TurnException;
import dev.confab.media.turn.TurnListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A relayed candidate: a TURN allocation made from a host socket ({@link Base}). Checks and media to a peer go as
 * ChannelData once a channel is bound to it (a channel also installs the permission the server needs before it lets
 * the peer's datagrams in); what the peer sends comes back through {@link PeerReceiver}.
 *
 * <p>Thread contract: thread-safe; {@link TurnClient} is, and the binding set is concurrent.
 */
final class Relay implements Route, AutoCloseable {

    /** Receives what peers sent to the relayed address, on the host socket's thread. */
    @FunctionalInterface
    interface PeerReceiver {
        void received(Relay relay, InetSocketAddress peer, byte[] buf, int off, int len);
    }

    final Base base;
    final TurnServer server;
    final TurnClient turn;
    private final StunClientTransactions transactions;
    private final Set<InetSocketAddress> bound = ConcurrentHashMap.newKeySet();
    private volatile LocalCandidate candidate;
    private volatile boolean lost;

    private Relay(Base base, TurnServer server, PeerReceiver receiver, ScheduledExecutorService timers,
            RandomGenerator random) {
        this.base = base;
        this.server = server;
        this.turn = new TurnClient(server.address(), TurnClientConfig.of(server.credentials()), base::send,
                new TurnListener() {
                    @Override
                    public void onPeerData(InetSocketAddress peer, byte[] buf, int off, int len) {
                        receiver.received(Relay.this, peer, buf, off, len);
                    }

                    @Override
                    public void onAllocationLost(TurnException cause) {
                        lost = true;
                    }
                }, timers, random);
        this.transactions = new StunClientTransactions(this::send, timers);
    }

    /**
     * A relay on {@code server} from {@code base}, not allocated yet: register it where the base's datagrams from the
     * server are routed before calling {@link #allocate}, so that the server's answers reach it.
     */
    static Relay on(Base base, TurnServer server, PeerReceiver receiver, ScheduledExecutorService timers,
            RandomGenerator random) {
        return new Relay(base, server, receiver, timers, random);
    }

    /** Allocates; completes with whether the server gave an allocation (false if it refused or did not answer). */
    CompletableFuture<Boolean> allocate() {
        return turn.allocate().handle((allocation, error) -> error == null);
    }

    /** Makes the relayed candidate; on the agent's executor, which owns {@code foundations}. */
    LocalCandidate makeCandidate(Foundations foundations) {
        TurnAllocation allocation = turn.allocation().orElseThrow();
        candidate = new LocalCandidate(CandidateType.RELAY, allocation.relayed(), base.host.address(),
                CandidatePriority.of(CandidateType.RELAY, base.localPreference),
                foundations.of(CandidateType.RELAY, base.host.address().getAddress(), Optional.of(server.address())),
                Optional.of(server.address()));
        return candidate;
    }

    /** The server-reflexive address the TURN server saw. */
    Optional<InetSocketAddress> mapped() {
        return turn.allocation().map(TurnAllocation::mapped);
    }

    /** Binds a channel to {@code peer} (once), so the server lets it in and data goes as ChannelData. */
    void permit(InetSocketAddress peer) {
        if (bound.add(peer)) {
            turn.bindChannel(peer).exceptionally(error -> {
                bound.remove(peer); // tried again by the next check to this peer
                return null;
            });
        }
    }

    /** Whether the allocation could not be kept alive. */
    boolean lost() {
        return lost;
    }

    @Override
    public LocalCandidate candidate() {
        return candidate;
    }

    @Override
    public int localPreference() {
        return base.localPreference;
    }

    @Override
    public StunClientTransactions transactions() {
        return transactions;
    }

    /** Sends through the relay; without a permission yet the datagram is dropped, as a network would. */
    @Override
    public void send(byte[] buf, int off, int len, InetSocketAddress destination) throws IOException {
        turn.sendToPeer(destination, buf, off, len);
    }

    /**
     * Releases the allocation (Refresh with lifetime 0, waiting at most 2 s for the server's answer) and then stops
     * the client. The base socket must stay open until the returned future completes.
     */
    CompletableFuture<Void> release() {
        transactions.close();
        if (turn.state() != TurnClient.State.ALLOCATED) {
            turn.close();
            return CompletableFuture.completedFuture(null);
        }
        return turn.release().orTimeout(2, TimeUnit.SECONDS).handle((released, error) -> {
            turn.close();
            return null;
        });
    }

    /** Stops the client at once, without releasing: for a relay whose allocation failed. */
    @Override
    public void close() {
        transactions.close();
        turn.close();
    }
}
