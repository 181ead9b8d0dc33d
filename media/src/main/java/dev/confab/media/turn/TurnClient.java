package dev.confab.media.turn;

import dev.confab.media.stun.DatagramSender;
import dev.confab.media.stun.Lifetime;
import dev.confab.media.stun.RequestedTransport;
import dev.confab.media.stun.StunAttribute;
import dev.confab.media.stun.StunClientTransactions;
import dev.confab.media.stun.StunMessage;
import dev.confab.media.stun.StunMethod;
import dev.confab.media.stun.XorMappedAddress;
import dev.confab.media.stun.XorRelayedAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One TURN allocation over UDP (RFC 8656) on a socket the client does not own: requests go out through a
 * {@link DatagramSender}, and the socket's owner (the ICE agent) passes every datagram that came from the TURN server
 * to {@link #receive}. The client answers the 401 challenge, follows 438 nonce changes, refreshes the allocation
 * before it expires, keeps permissions and channel bindings alive, and relays datagrams to peers as ChannelData
 * (bound peers) or Send indications (permitted peers); what peers send comes back to {@link TurnListener#onPeerData}.
 *
 * <p>For ICE over a relayed candidate, the agent sends its checks with {@link #sendToPeer} (a
 * {@link dev.confab.media.stun.StunClientTransactions} whose sender wraps it), after a permission or channel for the
 * remote candidate, and feeds the STUN it gets back from {@link TurnListener#onPeerData} to its transactions. The
 * allocation's mapped address is the server-reflexive candidate.
 *
 * <p>Thread contract: thread-safe. {@link #sendToPeer} and {@link #receive} run on the caller's thread (the media
 * path) and touch only concurrent tables. Everything else hands its work to a serial queue on the given scheduler,
 * where all request state lives; the returned futures complete there, so do not block that scheduler on them.
 * Futures fail with a {@link TurnException}.
 */
public final class TurnClient implements AutoCloseable {
    /** Where the client is in its life. */
    public enum State { NEW, ALLOCATING, ALLOCATED, RELEASED, FAILED, CLOSED }

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1504]);

    private final InetSocketAddress server;
    private final TurnClientConfig config;
    private final DatagramSender sender;
    private final TurnListener listener;
    private final SerialExecutor serial;
    private final StunClientTransactions transactions;
    private final TurnRequests requests;
    private final PeerBindings peers;
    private final TurnCounters counters = new TurnCounters();
    private ScheduledFuture<?> refreshTimer; // serial queue only
    private volatile State state = State.NEW;
    private volatile boolean closed;
    private volatile TurnAllocation allocation;

    /**
     * A client for one allocation on {@code server}.
     *
     * @param sender    sends datagrams to the TURN server from the candidate's socket
     * @param listener  gets peer data and losses
     * @param scheduler timers and the serial queue (any number of threads)
     * @param random    transaction ids; a {@link java.security.SecureRandom} outside tests (used on the serial queue)
     */
    public TurnClient(InetSocketAddress server, TurnClientConfig config, DatagramSender sender, TurnListener listener,
            ScheduledExecutorService scheduler, RandomGenerator random) {
        this.server = Objects.requireNonNull(server, "server");
        this.config = Objects.requireNonNull(config, "config");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.serial = new SerialExecutor(scheduler);
        this.transactions = new StunClientTransactions(sender, scheduler);
        this.requests = new TurnRequests(transactions, server, config, random, serial, counters);
        this.peers = new PeerBindings(requests, serial, config, counters, listener, () -> state() == State.ALLOCATED);
    }

    /** Asks for an allocation: Allocate, the 401 challenge answered, the relayed and mapped addresses given back. */
    public CompletableFuture<TurnAllocation> allocate() {
        return onSerial(() -> {
            if (state != State.NEW) {
                return wrongState("allocate");
            }
            state = State.ALLOCATING;
            return requests.send(StunMethod.ALLOCATE, List.of(RequestedTransport.UDP)).thenApply(this::allocated)
                    .whenComplete((granted, error) -> {
                        if (error != null) {
                            end(State.FAILED);
                        }
                    });
        });
    }

    /**
     * Refreshes the allocation now (it is also refreshed on its own before it expires) and gives the new lifetime.
     * After {@link #release} this still asks the server, which fails it with {@link TurnFailure#ALLOCATION_MISMATCH}
     * once it has deleted the allocation.
     */
    public CompletableFuture<Duration> refresh() {
        return onSerial(() -> allocation == null ? wrongState("refresh")
                : requests.send(StunMethod.REFRESH, List.of()).thenApply(this::refreshed));
    }

    /** Installs a permission for {@code peer}'s IP address (any port) and keeps it refreshed. */
    public CompletableFuture<Void> createPermission(InetAddress peer) {
        return onSerial(() -> state != State.ALLOCATED ? wrongState("createPermission") : peers.createPermission(peer));
    }

    /**
     * Binds a channel to {@code peer}, so that data to and from it travels as ChannelData, and keeps it refreshed
     * (which also installs and refreshes the permission for its IP address). Gives the channel number.
     */
    public CompletableFuture<Integer> bindChannel(InetSocketAddress peer) {
        return onSerial(() -> state != State.ALLOCATED ? wrongState("bindChannel") : peers.bindChannel(peer));
    }

    /** Deletes the allocation (Refresh with LIFETIME 0); afterwards nothing is sent or delivered. */
    public CompletableFuture<Void> release() {
        return onSerial(() -> {
            if (state != State.ALLOCATED) {
                return wrongState("release");
            }
            end(State.RELEASED);
            return requests.send(StunMethod.REFRESH, List.<StunAttribute>of(new Lifetime(0))).<Void>thenApply(r -> null)
                    .exceptionallyCompose(error -> TurnException.of(error).failure() == TurnFailure.ALLOCATION_MISMATCH
                            ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(error));
        });
    }

    /**
     * Sends one datagram to a peer through the relay: as ChannelData if a channel is bound to it, else in a Send
     * indication if its IP address has a permission.
     *
     * @return false, counted, if there is no allocation or no permission for the peer
     * @throws IOException if the sender fails
     */
    public boolean sendToPeer(InetSocketAddress peer, byte[] buf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, buf.length);
        Integer channel = peers.channelOf(peer);
        if (state() != State.ALLOCATED || channel == null && !peers.permits(peer.getAddress())) {
            counters.unsentNoPermission.increment();
            return false;
        }
        if (channel != null) {
            byte[] scratch = scratch(ChannelData.size(len, config.padChannelData()));
            int size = ChannelData.write(channel, buf, off, len, scratch, 0, config.padChannelData());
            sender.send(scratch, 0, size, server);
            counters.channelDataSent.increment();
        } else {
            byte[] indication = RelayedData.sendIndication(peer, buf, off, len);
            sender.send(indication, 0, indication.length, server);
            counters.sendIndicationsSent.increment();
        }
        return true;
    }

    /**
     * Takes one datagram that came from the TURN server: ChannelData and Data indications are delivered to
     * {@link TurnListener#onPeerData} on this thread, responses end their transactions.
     *
     * @return whether it was used; false, counted, for malformed or unexpected datagrams, unbound channels,
     *         unpermitted peers, and responses to none of this client's requests (the owner may have sent those
     *         itself, say a Binding request to the same server)
     */
    public boolean receive(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        boolean used = ChannelData.looksLikeChannelData(buf, off, len) ? channelData(buf, off, len) : stun(buf, off, len);
        if (!used) {
            counters.dropped.increment();
        }
        return used;
    }

    public State state() {
        return closed ? State.CLOSED : state;
    }

    /** The allocation, once granted, with the lifetime of the last refresh. */
    public Optional<TurnAllocation> allocation() {
        return Optional.ofNullable(allocation);
    }

    public TurnStats stats() {
        return counters.snapshot();
    }

    /** Stops all timers and pending requests without releasing the allocation (it expires on the server). */
    @Override
    public void close() {
        closed = true;
        transactions.close();
        try {
            serial.execute(this::stopTimers);
        } catch (RejectedExecutionException e) {
            // The scheduler is shut down: its timers are gone with it.
        }
    }

    private boolean channelData(byte[] buf, int off, int len) {
        InetSocketAddress peer = peers.peerOf(ChannelData.channel(buf, off));
        int length = ChannelData.dataLength(buf, off, len);
        if (peer == null || length < 0 || state() != State.ALLOCATED) {
            return false;
        }
        counters.channelDataReceived.increment();
        listener.onPeerData(peer, buf, off + ChannelData.HEADER_SIZE, length);
        return true;
    }

    private boolean stun(byte[] buf, int off, int len) {
        Optional<StunMessage> message = RelayedData.decode(buf, off, len);
        if (message.isEmpty()) {
            return false;
        }
        if (message.get().messageClass().isResponse()) {
            return transactions.receive(message.get(), server);
        }
        Optional<RelayedData.PeerDatagram> data = RelayedData.dataIndication(message.get());
        if (data.isEmpty() || !peers.permits(data.get().peer().getAddress()) || state() != State.ALLOCATED) {
            return false;
        }
        counters.dataIndicationsReceived.increment();
        byte[] bytes = data.get().bytes();
        listener.onPeerData(data.get().peer(), bytes, 0, bytes.length);
        return true;
    }

    private TurnAllocation allocated(StunMessage response) {
        TurnAllocation granted = new TurnAllocation(
                RelayedData.require(response.attribute(XorRelayedAddress.class), "XOR-RELAYED-ADDRESS").address(),
                RelayedData.require(response.attribute(XorMappedAddress.class), "XOR-MAPPED-ADDRESS").address(),
                RelayedData.require(response.attribute(Lifetime.class), "LIFETIME").duration());
        allocation = granted;
        if (!closed) {
            state = State.ALLOCATED;
            scheduleRefresh(granted.lifetime());
        }
        return granted;
    }

    private Duration refreshed(StunMessage response) {
        Duration lifetime = RelayedData.require(response.attribute(Lifetime.class), "LIFETIME").duration();
        counters.allocationRefreshes.increment();
        allocation = new TurnAllocation(allocation.relayed(), allocation.mapped(), lifetime);
        if (state() == State.ALLOCATED) {
            scheduleRefresh(lifetime);
        }
        return lifetime;
    }

    private void scheduleRefresh(Duration lifetime) {
        SerialExecutor.cancel(refreshTimer);
        refreshTimer = serial.schedule(config.refreshDelay(lifetime), () -> {
            if (state() == State.ALLOCATED) {
                requests.send(StunMethod.REFRESH, List.of()).thenApply(this::refreshed).whenComplete((now, error) -> {
                    if (error != null && state() == State.ALLOCATED) {
                        end(State.FAILED);
                        listener.onAllocationLost(TurnException.of(error));
                    }
                });
            }
        });
    }

    /** Ends the allocation's life on this side: no more refreshes, peers forgotten. */
    private void end(State last) {
        if (!closed) {
            state = last;
        }
        stopTimers();
    }

    private void stopTimers() {
        SerialExecutor.cancel(refreshTimer);
        peers.clear();
    }

    private <T> CompletableFuture<T> onSerial(Supplier<CompletableFuture<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            serial.execute(() -> {
                try {
                    action.get().whenComplete((value, error) -> {
                        if (error == null) {
                            result.complete(value);
                        } else {
                            result.completeExceptionally(TurnException.of(error));
                        }
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new TurnException(TurnFailure.WRONG_STATE, "the scheduler is shut down"));
        }
        return result;
    }

    private <T> CompletableFuture<T> wrongState(String what) {
        return CompletableFuture.failedFuture(new TurnException(TurnFailure.WRONG_STATE,
                what + " is not possible in state " + state() + " (server " + server + ")"));
    }

    private static byte[] scratch(int size) {
        byte[] scratch = SCRATCH.get();
        if (scratch.length < size) {
            scratch = new byte[size];
            SCRATCH.set(scratch);
        }
        return scratch;
    }
}
