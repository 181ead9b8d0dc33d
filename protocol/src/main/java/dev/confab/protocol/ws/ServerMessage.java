package dev.confab.protocol.ws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.confab.protocol.ErrorBody;
import dev.confab.protocol.PresenceState;
import dev.confab.protocol.inbox.InboxItem;
import dev.confab.protocol.rest.Contact;
import dev.confab.protocol.rest.ContactRequest;
import java.util.Map;

/**
 * Everything the server sends on the event WebSocket: answers to client messages ({@link Ack}, {@link Error}),
 * and events pushed as they happen. Events are advisory except {@link Inbox}, which the client acknowledges;
 * after a reconnect the client re-reads lists over REST, so a missed event loses nothing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = ServerMessage.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerMessage.Presence.class, name = "presence"),
    @JsonSubTypes.Type(value = ServerMessage.Inbox.class, name = "inbox"),
    @JsonSubTypes.Type(value = ServerMessage.ContactRequestChanged.class, name = "contact.request"),
    @JsonSubTypes.Type(value = ServerMessage.ContactAdded.class, name = "contact.added"),
    @JsonSubTypes.Type(value = ServerMessage.ContactRemoved.class, name = "contact.removed"),
    @JsonSubTypes.Type(value = ServerMessage.KeysChanged.class, name = "keys.changed"),
    @JsonSubTypes.Type(value = ServerMessage.SessionRevoked.class, name = "session.revoked"),
    @JsonSubTypes.Type(value = ServerMessage.CallIncoming.class, name = "call.incoming"),
    @JsonSubTypes.Type(value = ServerMessage.CallRinging.class, name = "call.ringing"),
    @JsonSubTypes.Type(value = ServerMessage.CallAccepted.class, name = "call.accepted"),
    @JsonSubTypes.Type(value = ServerMessage.CallCandidate.class, name = "call.candidate"),
    @JsonSubTypes.Type(value = ServerMessage.CallSdp.class, name = "call.sdp"),
    @JsonSubTypes.Type(value = ServerMessage.CallEnded.class, name = "call.ended")
})
public sealed interface ServerMessage {

    /** First message on every connection: who this connection is and how often to expect traffic. */
    record Welcome(int protocolVersion, String userId, String deviceId, String sessionId, long serverTime,
            int heartbeatSeconds) implements ServerMessage {}

    /** The client's message {@code id} was accepted. */
    record Ack(String id) implements ServerMessage {}

    /**
     * The client's message {@code id} (absent when it could not be read) was refused, with the same stable
     * code, message and details as a REST error. The connection stays open.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Error(String id, String code, String message, Map<String, Object> details) implements ServerMessage {
        public Error {
            details = details == null ? Map.of() : Map.copyOf(details);
        }

        public static Error of(String id, ErrorBody body) {
            return new Error(id, body.code(), body.message(), body.details());
        }
    }

    /** A contact's presence changed (also sent once per contact right after {@link Welcome}). */
    record Presence(String userId, PresenceState state, long lastSeenAt) implements ServerMessage {}

    /** An inbox item for this device; acknowledge it with {@code inbox.ack}. */
    record Inbox(long seq, InboxItem item) implements ServerMessage {}

    /** A contact request to or from the user was made or changed state. */
    record ContactRequestChanged(ContactRequest request) implements ServerMessage {}

    /** The user has a new contact (a request was accepted, either way). */
    record ContactAdded(Contact contact) implements ServerMessage {}

    /** A contact was removed, by either side. */
    record ContactRemoved(String userId) implements ServerMessage {}

    /** A contact's devices or keys changed: fetch them again and check them against the pinned ones. */
    record KeysChanged(String userId) implements ServerMessage {}

    /** This session was revoked (signed out elsewhere, password changed, account deleted); the server closes. */
    record SessionRevoked(String sessionId) implements ServerMessage {}

    /** A contact calls; sent to every connected device of the callee. */
    record CallIncoming(String callId, String callerUserId, String callerDeviceId, CallMedia media, String sdp,
            String signature) implements ServerMessage {}

    /** A device of the callee is ringing. */
    record CallRinging(String callId, String deviceId) implements ServerMessage {}

    /** The callee's device {@code deviceId} answered; from now on the call is between the two devices. */
    record CallAccepted(String callId, String deviceId, String sdp, String signature) implements ServerMessage {}

    /** A trickled ICE candidate from the other party's device. */
    record CallCandidate(String callId, String fromDeviceId, IceCandidate candidate) implements ServerMessage {}

    /** A renegotiation offer or answer from the other party's device. */
    record CallSdp(String callId, String fromDeviceId, SdpKind kind, String sdp, String signature)
            implements ServerMessage {}

    /** The call ended, with the reason from this device's point of view. */
    record CallEnded(String callId, CallEndReason reason) implements ServerMessage {}
}
