package dev.confab.protocol.ws;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.confab.protocol.Fields;
import dev.confab.protocol.PresenceState;

/**
 * Everything a client may send on the event WebSocket. Each message carries a client-chosen {@code id}; the
 * server answers every one with {@link ServerMessage.Ack} or {@link ServerMessage.Error} naming that id.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientMessage.SetPresence.class, name = "presence.set"),
    @JsonSubTypes.Type(value = ClientMessage.AckInbox.class, name = "inbox.ack"),
    @JsonSubTypes.Type(value = ClientMessage.CallInvite.class, name = "call.invite"),
    @JsonSubTypes.Type(value = ClientMessage.CallRinging.class, name = "call.ringing"),
    @JsonSubTypes.Type(value = ClientMessage.CallAccept.class, name = "call.accept"),
    @JsonSubTypes.Type(value = ClientMessage.CallReject.class, name = "call.reject"),
    @JsonSubTypes.Type(value = ClientMessage.CallCancel.class, name = "call.cancel"),
    @JsonSubTypes.Type(value = ClientMessage.CallHangup.class, name = "call.hangup"),
    @JsonSubTypes.Type(value = ClientMessage.CallCandidate.class, name = "call.candidate"),
    @JsonSubTypes.Type(value = ClientMessage.CallSdp.class, name = "call.sdp")
})
public sealed interface ClientMessage {
    /** Longest SDP accepted in any call message. */
    int MAX_SDP = 64 * 1024;
    /** Longest identity-binding signature blob (base64) accepted with an SDP. */
    int MAX_SIGNATURE = 2048;

    /** The client-chosen id the server's answer names. */
    String id();

    /** Keeps the connection and the client's view of it alive; answered with an ack. */
    record Ping(String id) implements ClientMessage {
        public Ping {
            Fields.id(id, "id");
        }
    }

    /** Chooses this device's presence: online, away or busy. */
    record SetPresence(String id, PresenceState state) implements ClientMessage {
        public SetPresence {
            Fields.id(id, "id");
            Fields.present(state, "state");
            if (!state.choosable()) {
                throw Fields.invalid("state", "state must be online, away or busy; offline is derived");
            }
        }
    }

    /** Acknowledges every inbox item of this device up to and including {@code upToSeq}. */
    record AckInbox(String id, long upToSeq) implements ClientMessage {
        public AckInbox {
            Fields.id(id, "id");
            Fields.nonNegative(upToSeq, "upToSeq");
        }
    }

    /** Starts a call to a contact: rings all of the callee's connected devices. */
    record CallInvite(String id, String callId, String calleeUserId, CallMedia media, String sdp, String signature)
            implements ClientMessage {
        public CallInvite {
            Fields.id(id, "id");
            Fields.id(callId, "callId");
            Fields.id(calleeUserId, "calleeUserId");
            Fields.present(media, "media");
            Fields.bounded(sdp, "sdp", MAX_SDP);
            Fields.bounded(signature, "signature", MAX_SIGNATURE);
        }
    }

    /** The callee's device tells the caller it is ringing. */
    record CallRinging(String id, String callId) implements ClientMessage {
        public CallRinging {
            Fields.id(id, "id");
            Fields.id(callId, "callId");
        }
    }

    /** The callee's device answers with its SDP; the callee's other devices stop ringing. */
    record CallAccept(String id, String callId, String sdp, String signature) implements ClientMessage {
        public CallAccept {
            Fields.id(id, "id");
            Fields.id(callId, "callId");
            Fields.bounded(sdp, "sdp", MAX_SDP);
            Fields.bounded(signature, "signature", MAX_SIGNATURE);
        }
    }

    /** The callee's device declines ({@code busy} = it is in another call). */
    record CallReject(String id, String callId, boolean busy) implements ClientMessage {
        public CallReject {
            Fields.id(id, "id");
            Fields.id(callId, "callId");
        }
    }

    /** The caller gives up before anybody answered. */
    record CallCancel(String id, String callId) implements ClientMessage {
        public CallCancel {
            Fields.id(id, "id");
            Fields.id(callId, "callId");
        }
    }

    /** Either party ends an answered call. */
    record CallHangup(String id, String callId) implements ClientMessage {
        public CallHangup {
            Fields.id(id, "id");
            Fields.id(callId, "callId");
        }
    }

    /** A trickled ICE candidate for the other party of the call. */
    record CallCandidate(String id, String callId, IceCandidate candidate) implements ClientMessage {
        public CallCandidate {
            Fields.id(id, "id");
            Fields.id(callId, "callId");
            Fields.present(candidate, "candidate");
        }
    }

    /** A renegotiation offer or answer in an answered call (adding video, ICE restart). */
    record CallSdp(String id, String callId, SdpKind kind, String sdp, String signature) implements ClientMessage {
        public CallSdp {
            Fields.id(id, "id");
            Fields.id(callId, "callId");
            Fields.present(kind, "kind");
            Fields.bounded(sdp, "sdp", MAX_SDP);
            Fields.bounded(signature, "signature", MAX_SIGNATURE);
        }
    }
}
