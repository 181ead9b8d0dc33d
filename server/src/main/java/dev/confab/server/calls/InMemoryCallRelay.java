package dev.confab.server.calls;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.ws.CallEndReason;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.sessions.Principal;
import dev.confab.server.support.OrderedOutbox;
import dev.confab.server.support.Timers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link CallRelay} for one server node: calls in a map, each transition under the call's own lock. A transition's
 * ack and events go through the call's {@link OrderedOutbox}: decided under the lock, sent after it is released, so
 * one call's messages keep their order and no socket write starts under the lock. The ring timeout and the
 * reconnect grace run on the injected {@link Timers}. Thread-safe.
 */
public final class InMemoryCallRelay implements CallRelay {
    /** What the relay needs to know about users and devices. */
    public interface Directory {
        /** Throws {@code user_not_found}, {@code not_contacts} or {@code blocked} unless the two may call. */
        void requireMayCall(String callerUserId, String calleeUserId);

        /** The callee's devices with an open connection now. */
        Set<String> connectedDevices(String userId);

        /**
         * Whether the device has a connection open now. The grace timer asks when it fires: a reconnect that raced
         * the old connection's close may have come before the offline notice it should have cancelled.
         */
        boolean isConnected(String deviceId);
    }

    private final Directory directory;
    private final Timers timers;
    private final Duration ringTimeout;
    private final Duration reconnectGrace;
    private final BiConsumer<String, ServerMessage> sender;
    private final Consumer<CallEndReason> onEnded;
    private final Map<String, Entry> calls = new ConcurrentHashMap<>();
    private final Map<String, Timers.Cancellable> graceTimers = new ConcurrentHashMap<>();

    private static final class Entry {
        final Call call;
        final OrderedOutbox outbox = new OrderedOutbox();
        Timers.Cancellable ringTimer;

        Entry(Call call) {
            this.call = call;
        }
    }

    /**
     * @param sender  queues a message on a device's connections
     * @param onEnded told each call's end reason as the caller saw it (metrics)
     */
    public InMemoryCallRelay(Directory directory, Timers timers, Duration ringTimeout, Duration reconnectGrace,
            BiConsumer<String, ServerMessage> sender, Consumer<CallEndReason> onEnded) {
        this.directory = directory;
        this.timers = timers;
        this.ringTimeout = ringTimeout;
        this.reconnectGrace = reconnectGrace;
        this.sender = sender;
        this.onEnded = onEnded;
    }

    @Override
    public void handle(Principal from, ClientMessage message, Runnable ack) {
        if (message instanceof ClientMessage.CallInvite invite) {
            invite(from, invite, ack);
            return;
        }
        String callId = switch (message) {
            case ClientMessage.CallRinging m -> m.callId();
            case ClientMessage.CallAccept m -> m.callId();
            case ClientMessage.CallReject m -> m.callId();
            case ClientMessage.CallCancel m -> m.callId();
            case ClientMessage.CallHangup m -> m.callId();
            case ClientMessage.CallCandidate m -> m.callId();
            case ClientMessage.CallSdp m -> m.callId();
            default -> throw new IllegalArgumentException("not a call message: " + message.getClass().getSimpleName());
        };
        Entry entry = calls.get(callId);
        if (entry == null) {
            throw notFound();
        }
        String device = from.deviceId();
        transition(entry, ack, call -> {
            if (!call.involves(device)) {
                throw notFound();
            }
            return switch (message) {
                case ClientMessage.CallRinging m -> call.ringing(device);
                case ClientMessage.CallAccept m -> call.accept(device, m.sdp(), m.signature());
                case ClientMessage.CallReject m -> call.reject(device, m.busy());
                case ClientMessage.CallCancel m -> call.cancel(device);
                case ClientMessage.CallHangup m -> call.hangup(device);
                case ClientMessage.CallCandidate m -> call.candidate(device, m.candidate());
                case ClientMessage.CallSdp m -> call.sdp(device, m.kind(), m.sdp(), m.signature());
                default -> throw new IllegalStateException();
            };
        });
    }

    @Override
    public void deviceOnline(String deviceId) {
        Timers.Cancellable grace = graceTimers.remove(deviceId);
        if (grace != null) {
            grace.cancel();
        }
    }

    @Override
    public void deviceOffline(String deviceId) {
        if (calls.values().stream().noneMatch(e -> involves(e, deviceId))) {
            return;
        }
        Timers.Cancellable timer = timers.schedule(reconnectGrace, () -> {
            if (graceTimers.remove(deviceId) == null || directory.isConnected(deviceId)) {
                return;
            }
            for (Entry e : calls.values()) {
                transition(e, null, call -> call.gone(deviceId));
            }
        });
        Timers.Cancellable previous = graceTimers.put(deviceId, timer);
        if (previous != null) {
            previous.cancel();
        }
    }

    @Override
    public void endBetween(String actorUserId, String otherUserId) {
        for (Entry e : calls.values()) {
            transition(e, null, call -> call.between(actorUserId, otherUserId) ? call.separatedBy(actorUserId) : List.of());
        }
    }

    @Override
    public int activeCalls() {
        return calls.size();
    }

    private void invite(Principal from, ClientMessage.CallInvite m, Runnable ack) {
        directory.requireMayCall(from.userId(), m.calleeUserId());
        Set<String> devices = directory.connectedDevices(m.calleeUserId());
        if (devices.isEmpty()) {
            if (calls.containsKey(m.callId())) {
                throw conflict();
            }
            ack.run();
            sender.accept(from.deviceId(), new ServerMessage.CallEnded(m.callId(), CallEndReason.UNAVAILABLE));
            onEnded.accept(CallEndReason.UNAVAILABLE);
            return;
        }
        Entry entry = new Entry(new Call(m.callId(), from.userId(), from.deviceId(), m.calleeUserId(), devices));
        synchronized (entry) {
            if (calls.putIfAbsent(m.callId(), entry) != null) {
                throw conflict();
            }
            entry.ringTimer = timers.schedule(ringTimeout, () -> transition(entry, null, Call::ringTimeout));
            entry.outbox.add(ack);
            queue(entry, entry.call.invite(m.media(), m.sdp(), m.signature()));
        }
        entry.outbox.drain();
    }

    /**
     * Runs one step of the call's state machine under its lock and queues the ack (if any) and the step's messages,
     * then sends them after the lock is released. A step that throws queues nothing.
     */
    private void transition(Entry entry, Runnable ack, Function<Call, List<Outgoing>> step) {
        synchronized (entry) {
            List<Outgoing> out = step.apply(entry.call);
            if (ack != null) {
                entry.outbox.add(ack);
            }
            queue(entry, out);
        }
        entry.outbox.drain();
    }

    /** Queues the messages and, when the call ended, forgets it. Called under the entry's lock. */
    private void queue(Entry entry, List<Outgoing> out) {
        if (!out.isEmpty()) {
            entry.outbox.add(() -> out.forEach(o -> sender.accept(o.deviceId(), o.message())));
        }
        if (entry.call.state() == Call.State.ENDED && calls.remove(entry.call.id(), entry)) {
            if (entry.ringTimer != null) {
                entry.ringTimer.cancel();
            }
            onEnded.accept(entry.call.endReason());
        }
    }

    private static boolean involves(Entry e, String deviceId) {
        synchronized (e) {
            return e.call.involves(deviceId);
        }
    }

    private static ProtocolException notFound() {
        return new ProtocolException(ErrorCode.CALL_NOT_FOUND, "No such call, or this device is not part of it");
    }

    private static ProtocolException conflict() {
        return new ProtocolException(ErrorCode.CONFLICT, "A call with this callId exists already");
    }
}
