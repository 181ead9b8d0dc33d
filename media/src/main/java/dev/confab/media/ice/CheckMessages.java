package dev.confab.media.ice;

import dev.confab.media.sdp.CandidateType;
import dev.confab.media.stun.ErrorCode;
import dev.confab.media.stun.IceControlled;
import dev.confab.media.stun.IceControlling;
import dev.confab.media.stun.IntegrityKey;
import dev.confab.media.stun.IntegrityVerdict;
import dev.confab.media.stun.Priority;
import dev.confab.media.stun.StunAttribute;
import dev.confab.media.stun.StunClass;
import dev.confab.media.stun.StunMessage;
import dev.confab.media.stun.StunMethod;
import dev.confab.media.stun.TransactionId;
import dev.confab.media.stun.UseCandidate;
import dev.confab.media.stun.Username;
import dev.confab.media.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The STUN messages of ICE connectivity checks (RFC 8445 section 7.1 and 7.3): the request an agent sends, whether a
 * received request is a valid check for this agent, and its responses. Stateless.
 */
final class CheckMessages {

    private CheckMessages() {
    }

    /**
     * A Binding request for a check (or consent check) from a base with local preference {@code localPreference}:
     * USERNAME, PRIORITY of a peer-reflexive candidate, the role with its tie-breaker, and USE-CANDIDATE if
     * {@code nominate}.
     */
    static StunMessage request(TransactionId id, IceCredentials local, IceCredentials remote, int localPreference,
            IceRole role, long tieBreaker, boolean nominate) {
        List<StunAttribute> attributes = new ArrayList<>(4);
        attributes.add(new Username(local.outgoingUsername(remote)));
        attributes.add(new Priority(CandidatePriority.of(CandidateType.PRFLX, localPreference)));
        attributes.add(role == IceRole.CONTROLLING ? new IceControlling(tieBreaker) : new IceControlled(tieBreaker));
        if (nominate) {
            attributes.add(new UseCandidate());
        }
        return StunMessage.request(StunMethod.BINDING, id, attributes.toArray(StunAttribute[]::new));
    }

    /**
     * Whether {@code message} is a check addressed to this agent: a Binding request whose USERNAME starts with the
     * local ufrag and whose MESSAGE-INTEGRITY passes under the local password. Checks that fail are dropped silently
     * (no 400 or 401 is sent), which gives a flood of forged checks nothing back.
     */
    static boolean isValidCheck(StunMessage message, IceCredentials local) {
        if (!message.isRequest(StunMethod.BINDING)) {
            return false;
        }
        Optional<Username> username = message.attribute(Username.class);
        if (username.isEmpty() || !username.get().value().startsWith(local.ufrag() + ":")
                || message.attribute(Priority.class).isEmpty()) {
            return false;
        }
        return message.verifyIntegrity(IntegrityKey.shortTerm(local.pwd())) == IntegrityVerdict.VALID;
    }

    /** The success response to a check: XOR-MAPPED-ADDRESS of its source, signed with the local password. */
    static byte[] success(StunMessage request, InetSocketAddress source, IceCredentials local) {
        return request.successResponse(new XorMappedAddress(source))
                .encode(IntegrityKey.shortTerm(local.pwd()), true);
    }

    /** The 487 Role Conflict response (section 7.3.1.1). */
    static byte[] roleConflict(StunMessage request, IceCredentials local) {
        return request.errorResponse(new ErrorCode(ErrorCode.ROLE_CONFLICT, "Role Conflict"))
                .encode(IntegrityKey.shortTerm(local.pwd()), true);
    }

    /** Whether a response is a success. */
    static boolean isSuccess(StunMessage response) {
        return response.messageClass() == StunClass.SUCCESS_RESPONSE;
    }

    /** The error code of an error response, or 0. */
    static int errorCode(StunMessage response) {
        return response.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
    }
}
