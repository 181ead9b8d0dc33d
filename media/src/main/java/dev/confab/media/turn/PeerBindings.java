package dev.confab.media.turn;

import dev.confab.media.stun.ChannelNumber;
import dev.confab.media.stun.StunMessage;
import dev.confab.media.stun.StunMethod;
import dev.confab.media.stun.XorPeerAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;

/**
 * The permissions and channel bindings of one allocation (RFC 8656 sections 9 and 12), and the timers that refresh
 * them: CreatePermission every {@link TurnClientConfig#permissionRefresh()}, ChannelBind again every
 * {@link TurnClientConfig#channelRefresh()}. A binding also installs a permission for its peer's address, which is
 * then refreshed like any other. A refresh that fails drops the permission or channel and tells the listener.
 *
 * <p>Thread contract: {@link #channelOf}, {@link #peerOf} and {@link #permits} from any thread; everything else on
 * the client's serial queue.
 */
final class PeerBindings {
    private final TurnRequests requests;
    private final SerialExecutor serial;
    private final TurnClientConfig config;
    private final TurnCounters counters;
    private final TurnListener listener;
    private final BooleanSupplier allocated;
    private final ChannelTable channels = new ChannelTable();
    private final Set<InetAddress> permitted = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, ScheduledFuture<?>> permissionTimers = new HashMap<>();
    private final Map<InetSocketAddress, ScheduledFuture<?>> channelTimers = new HashMap<>();
    private final Map<InetSocketAddress, CompletableFuture<Integer>> pendingBinds = new HashMap<>();

    PeerBindings(TurnRequests requests, SerialExecutor serial, TurnClientConfig config, TurnCounters counters,
            TurnListener listener, BooleanSupplier allocated) {
        this.requests = requests;
        this.serial = serial;
        this.config = config;
        this.counters = counters;
        this.listener = listener;
        this.allocated = allocated;
    }

    Integer channelOf(InetSocketAddress peer) {
        return channels.channelOf(peer);
    }

    InetSocketAddress peerOf(int channel) {
        return channels.peerOf(channel);
    }

    boolean permits(InetAddress peer) {
        return permitted.contains(peer);
    }

    CompletableFuture<Void> createPermission(InetAddress peer) {
        return requestPermission(peer).thenRun(() -> permit(peer));
    }

    /** The peer's channel: bound already, being bound, or bound now. */
    CompletableFuture<Integer> bindChannel(InetSocketAddress peer) {
        Integer bound = channels.channelOf(peer);
        if (bound != null) {
            return CompletableFuture.completedFuture(bound);
        }
        if (pendingBinds.containsKey(peer)) {
            return pendingBinds.get(peer);
        }
        int number = channels.nextNumber();
        if (number < 0) {
            return CompletableFuture.failedFuture(new TurnException(TurnFailure.NO_CHANNEL_LEFT, "all channels bound"));
        }
        CompletableFuture<Integer> binding = requestChannel(number, peer).thenApply(response -> {
            channels.bind(number, peer);
            permit(peer.getAddress());
            scheduleChannelRefresh(peer, number);
            return number;
        });
        pendingBinds.put(peer, binding);
        return binding.whenComplete((n, error) -> pendingBinds.remove(peer));
    }

    /** Forgets every permission and channel and stops their timers. */
    void clear() {
        permissionTimers.values().forEach(SerialExecutor::cancel);
        channelTimers.values().forEach(SerialExecutor::cancel);
        permissionTimers.clear();
        channelTimers.clear();
        channels.clear();
        permitted.clear();
    }

    private CompletableFuture<StunMessage> requestPermission(InetAddress peer) {
        return requests.send(StunMethod.CREATE_PERMISSION, List.of(new XorPeerAddress(new InetSocketAddress(peer, 0))));
    }

    private CompletableFuture<StunMessage> requestChannel(int number, InetSocketAddress peer) {
        return requests.send(StunMethod.CHANNEL_BIND, List.of(new ChannelNumber(number), new XorPeerAddress(peer)));
    }

    /** Marks {@code peer} permitted and (re)starts its refresh timer. */
    private void permit(InetAddress peer) {
        permitted.add(peer);
        SerialExecutor.cancel(permissionTimers.put(peer, serial.schedule(config.permissionRefresh(), () -> {
            if (allocated.getAsBoolean() && permitted.contains(peer)) {
                requestPermission(peer).whenComplete((response, error) -> {
                    if (!allocated.getAsBoolean()) {
                        return;
                    }
                    if (error == null) {
                        counters.permissionRefreshes.increment();
                        permit(peer);
                    } else {
                        permitted.remove(peer);
                        permissionTimers.remove(peer);
                        listener.onPermissionLost(peer, TurnException.of(error));
                    }
                });
            }
        })));
    }

    private void scheduleChannelRefresh(InetSocketAddress peer, int number) {
        SerialExecutor.cancel(channelTimers.put(peer, serial.schedule(config.channelRefresh(), () -> {
            if (allocated.getAsBoolean()) {
                requestChannel(number, peer).whenComplete((response, error) -> {
                    if (!allocated.getAsBoolean()) {
                        return;
                    }
                    if (error == null) {
                        counters.channelRefreshes.increment();
                        scheduleChannelRefresh(peer, number);
                    } else {
                        channels.unbind(peer);
                        channelTimers.remove(peer);
                        listener.onChannelLost(peer, TurnException.of(error));
                    }
                });
            }
        })));
    }
}
