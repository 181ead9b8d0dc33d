package dev.confab.client.core.calls;

import dev.confab.client.core.events.EventStream;
import dev.confab.client.core.internal.Ids;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.protocol.ws.CallMedia;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.protocol.ws.IceCandidate;
import dev.confab.protocol.ws.SdpKind;
import dev.confab.protocol.ws.ServerMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Sends call signaling on the event connection and reports what the server relays back. Each send returns a future
 * that completes when the server acks it, or fails with an
 * {@link dev.confab.client.core.api.ApiException} carrying the server's code ({@code not_contacts}, {@code blocked},
 * {@code call_not_found}...) or the unreachable kind while disconnected.
 *
 * <p>Signatures binding the SDP fingerprint to the identity key are the call engine's job; this class carries them.
 * Thread-safe.
 */
public final class CallSignaling {
    private final Supplier<EventStream> stream;
    private final RandomGenerator random;
    private final ListenerSet<CallListener> listeners;

    public CallSignaling(Supplier<EventStream> stream, RandomGenerator random, ListenerSet<CallListener> listeners) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.random = Objects.requireNonNull(random, "random");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    public void addListener(CallListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CallListener listener) {
        listeners.remove(listener);
    }

    /** A fresh call id (a UUID). */
    public String newCallId() {
        return Ids.uuid(random);
    }

    public CompletableFuture<Void> invite(String callId, String calleeUserId, CallMedia media, String sdp, String signature) {
        return send(id -> new ClientMessage.CallInvite(id, callId, calleeUserId, media, sdp, signature));
    }

    public CompletableFuture<Void> ringing(String callId) {
        return send(id -> new ClientMessage.CallRinging(id, callId));
    }

    public CompletableFuture<Void> accept(String callId, String sdp, String signature) {
        return send(id -> new ClientMessage.CallAccept(id, callId, sdp, signature));
    }

    public CompletableFuture<Void> reject(String callId, boolean busy) {
        return send(id -> new ClientMessage.CallReject(id, callId, busy));
    }

    public CompletableFuture<Void> cancel(String callId) {
        return send(id -> new ClientMessage.CallCancel(id, callId));
    }

    public CompletableFuture<Void> hangup(String callId) {
        return send(id -> new ClientMessage.CallHangup(id, callId));
    }

    public CompletableFuture<Void> candidate(String callId, IceCandidate candidate) {
        return send(id -> new ClientMessage.CallCandidate(id, callId, candidate));
    }

    public CompletableFuture<Void> sdp(String callId, SdpKind kind, String sdp, String signature) {
        return send(id -> new ClientMessage.CallSdp(id, callId, kind, sdp, signature));
    }

    /** Asks the event connection to prove itself alive within {@code within}, else to reconnect at once. */
    public void checkConnection(Duration within) {
        EventStream events = stream.get();
        if (events != null) {
            events.checkAlive(within);
        }
    }

    /** The event connection is up again after a drop: tells the listeners, who may have lost messages meanwhile. */
    public void reconnected() {
        listeners.fire(CallListener::onReconnected);
    }

    /** Routes a call event from the server to the listeners. */
    public void onEvent(ServerMessage event) {
        switch (event) {
            case ServerMessage.CallIncoming e -> listeners.fire(l -> l.onIncoming(e));
            case ServerMessage.CallRinging e -> listeners.fire(l -> l.onRinging(e));
            case ServerMessage.CallAccepted e -> listeners.fire(l -> l.onAccepted(e));
            case ServerMessage.CallCandidate e -> listeners.fire(l -> l.onCandidate(e));
            case ServerMessage.CallSdp e -> listeners.fire(l -> l.onSdp(e));
            case ServerMessage.CallEnded e -> listeners.fire(l -> l.onEnded(e));
            default -> { }
        }
    }

    private CompletableFuture<Void> send(java.util.function.Function<String, ClientMessage> message) {
        EventStream events = stream.get();
        if (events == null) {
            return CompletableFuture.failedFuture(dev.confab.client.core.api.ApiException.disconnected());
        }
        try {
            return events.send(message.apply(events.nextId()));
        } catch (dev.confab.protocol.ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
