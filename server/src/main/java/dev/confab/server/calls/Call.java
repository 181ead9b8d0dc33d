package dev.confab.server.calls;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.ws.CallEndReason;
import dev.confab.protocol.ws.CallMedia;
import dev.confab.protocol.ws.IceCandidate;
import dev.confab.protocol.ws.SdpKind;
import dev.confab.protocol.ws.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The state machine of one call: ringing on the callee's devices, answered between two devices, or ended. Each
 * transition returns the messages to send; it never sends anything itself and reads no clock, so it is tested
 * without a network. Not thread-safe: the relay calls it under the call's lock.
 */
final class Call {
    enum State { RINGING, ANSWERED, ENDED }

    private final String id;
    private final String callerUserId;
    private final String callerDeviceId;
    private final String calleeUserId;
    private final Set<String> ringing;
    private final Set<String> busy = new LinkedHashSet<>();
    private String answeredDeviceId;
    private State state = State.RINGING;
    private CallEndReason endReason;

    Call(String id, String callerUserId, String callerDeviceId, String calleeUserId, Set<String> calleeDevices) {
        this.id = id;
        this.callerUserId = callerUserId;
        this.callerDeviceId = callerDeviceId;
        this.calleeUserId = calleeUserId;
        this.ringing = new LinkedHashSet<>(calleeDevices);
    }

    /** The messages that start ringing on every callee device. */
    List<Outgoing> invite(CallMedia media, String sdp, String signature) {
        List<Outgoing> out = new ArrayList<>();
        ServerMessage incoming = new ServerMessage.CallIncoming(id, callerUserId, callerDeviceId, media, sdp, signature);
        ringing.forEach(d -> out.add(new Outgoing(d, incoming)));
        return out;
    }

    String id() {
        return id;
    }

    State state() {
        return state;
    }

    /** Why the call ended, as the caller was told; null while it goes on. */
    CallEndReason endReason() {
        return endReason;
    }

    /** The devices taking part now (the caller and the ringing devices, or the two answered ones). */
    Set<String> devices() {
        Set<String> out = new LinkedHashSet<>();
        out.add(callerDeviceId);
        if (state == State.RINGING) {
            out.addAll(ringing);
        } else if (state == State.ANSWERED) {
            out.add(answeredDeviceId);
        }
        return out;
    }

    boolean involves(String deviceId) {
        return state != State.ENDED && devices().contains(deviceId);
    }

    /** Whether the call goes on between these two users, either way. */
    boolean between(String a, String b) {
        return state != State.ENDED && ((callerUserId.equals(a) && calleeUserId.equals(b))
                || (callerUserId.equals(b) && calleeUserId.equals(a)));
    }

    /**
     * The two users were separated ({@code actorUserId} blocked the other or removed the contact): the call ends as if
     * the actor had ended it - {@code hangup} for both devices of an answered call; while it rings, {@code cancelled}
     * for everyone when the actor is the caller, else {@code declined} for the caller and {@code declined_elsewhere}
     * for the ringing devices. Every device is told, the actor's too, since the actor acted over REST.
     */
    List<Outgoing> separatedBy(String actorUserId) {
        if (state == State.ENDED) {
            return List.of();
        }
        List<Outgoing> out = new ArrayList<>();
        if (state == State.ANSWERED) {
            out.add(ended(callerDeviceId, CallEndReason.HANGUP));
            out.add(ended(answeredDeviceId, CallEndReason.HANGUP));
            return end(out, CallEndReason.HANGUP);
        }
        if (actorUserId.equals(callerUserId)) {
            out.add(ended(callerDeviceId, CallEndReason.CANCELLED));
            out.addAll(toRinging(CallEndReason.CANCELLED));
            return end(out, CallEndReason.CANCELLED);
        }
        out.add(ended(callerDeviceId, CallEndReason.DECLINED));
        out.addAll(toRinging(CallEndReason.DECLINED_ELSEWHERE));
        return end(out, CallEndReason.DECLINED);
    }

    List<Outgoing> ringing(String deviceId) {
        requireRinging();
        if (!ringing.contains(deviceId)) {
            throw conflict("Only a callee device can ring");
        }
        return List.of(new Outgoing(callerDeviceId, new ServerMessage.CallRinging(id, deviceId)));
    }

    List<Outgoing> accept(String deviceId, String sdp, String signature) {
        requireRinging();
        if (!ringing.contains(deviceId)) {
            throw conflict("Only a callee device can answer");
        }
        List<Outgoing> out = new ArrayList<>();
        out.add(new Outgoing(callerDeviceId, new ServerMessage.CallAccepted(id, deviceId, sdp, signature)));
        ringing.stream().filter(d -> !d.equals(deviceId))
                .forEach(d -> out.add(ended(d, CallEndReason.ANSWERED_ELSEWHERE)));
        answeredDeviceId = deviceId;
        state = State.ANSWERED;
        return out;
    }

    List<Outgoing> reject(String deviceId, boolean isBusy) {
        requireRinging();
        if (!ringing.contains(deviceId)) {
            throw conflict("Only a callee device can decline");
        }
        if (isBusy) {
            busy.add(deviceId);
            return busy.containsAll(ringing) ? end(List.of(ended(callerDeviceId, CallEndReason.BUSY)), CallEndReason.BUSY)
                    : List.of();
        }
        List<Outgoing> out = new ArrayList<>();
        out.add(ended(callerDeviceId, CallEndReason.DECLINED));
        ringing.stream().filter(d -> !d.equals(deviceId) && !busy.contains(d))
                .forEach(d -> out.add(ended(d, CallEndReason.DECLINED_ELSEWHERE)));
        return end(out, CallEndReason.DECLINED);
    }

    List<Outgoing> cancel(String deviceId) {
        if (!deviceId.equals(callerDeviceId)) {
            throw conflict("Only the caller can cancel; decline instead");
        }
        if (state != State.RINGING) {
            throw conflict("The call was answered; hang up instead");
        }
        return end(toRinging(CallEndReason.CANCELLED), CallEndReason.CANCELLED);
    }

    List<Outgoing> hangup(String deviceId) {
        if (state == State.RINGING) {
            return deviceId.equals(callerDeviceId) ? cancel(deviceId) : reject(deviceId, false);
        }
        return end(List.of(ended(other(deviceId), CallEndReason.HANGUP)), CallEndReason.HANGUP);
    }

    List<Outgoing> candidate(String deviceId, IceCandidate candidate) {
        ServerMessage m = new ServerMessage.CallCandidate(id, deviceId, candidate);
        if (state == State.ANSWERED) {
            return List.of(new Outgoing(other(deviceId), m));
        }
        if (deviceId.equals(callerDeviceId)) {
            return ringing.stream().map(d -> new Outgoing(d, m)).toList();
        }
        return List.of(new Outgoing(callerDeviceId, m));
    }

    List<Outgoing> sdp(String deviceId, SdpKind kind, String sdp, String signature) {
        if (state != State.ANSWERED) {
            throw conflict("Renegotiation needs an answered call");
        }
        return List.of(new Outgoing(other(deviceId), new ServerMessage.CallSdp(id, deviceId, kind, sdp, signature)));
    }

    /** Nobody answered in time. */
    List<Outgoing> ringTimeout() {
        if (state != State.RINGING) {
            return List.of();
        }
        List<Outgoing> out = new ArrayList<>();
        out.add(ended(callerDeviceId, CallEndReason.NO_ANSWER));
        out.addAll(toRinging(CallEndReason.NO_ANSWER));
        return end(out, CallEndReason.NO_ANSWER);
    }

    /** A device stayed disconnected past the grace period. */
    List<Outgoing> gone(String deviceId) {
        if (!involves(deviceId)) {
            return List.of();
        }
        if (state == State.ANSWERED) {
            return end(List.of(ended(other(deviceId), CallEndReason.PEER_GONE)), CallEndReason.PEER_GONE);
        }
        if (deviceId.equals(callerDeviceId)) {
            return end(toRinging(CallEndReason.PEER_GONE), CallEndReason.PEER_GONE);
        }
        ringing.remove(deviceId);
        busy.remove(deviceId);
        if (ringing.isEmpty()) {
            return end(List.of(ended(callerDeviceId, CallEndReason.PEER_GONE)), CallEndReason.PEER_GONE);
        }
        if (busy.containsAll(ringing)) {
            return end(List.of(ended(callerDeviceId, CallEndReason.BUSY)), CallEndReason.BUSY);
        }
        return List.of();
    }

    private List<Outgoing> toRinging(CallEndReason reason) {
        return ringing.stream().filter(d -> !busy.contains(d)).map(d -> ended(d, reason)).toList();
    }

    private String other(String deviceId) {
        return deviceId.equals(callerDeviceId) ? answeredDeviceId : callerDeviceId;
    }

    private List<Outgoing> end(List<Outgoing> out, CallEndReason reason) {
        state = State.ENDED;
        endReason = reason;
        return out;
    }

    private Outgoing ended(String deviceId, CallEndReason reason) {
        return new Outgoing(deviceId, new ServerMessage.CallEnded(id, reason));
    }

    private void requireRinging() {
        if (state != State.RINGING) {
            throw conflict("The call is not ringing any more");
        }
    }

    private static ProtocolException conflict(String message) {
        return new ProtocolException(ErrorCode.CONFLICT, message);
    }
}
