package dev.confab.media.ice;

import dev.confab.media.stun.IceControlled;
import dev.confab.media.stun.IceControlling;
import dev.confab.media.stun.StunMessage;
import java.util.Optional;

/**
 * What an agent does about a check whose role attribute claims its own role (RFC 8445 section 7.3.1.1): the agent
 * with the larger tie-breaker (compared unsigned) ends up controlling. Stateless.
 */
enum RoleConflict {
    /** No conflict: answer the check. */
    NONE,
    /** The peer wins: switch to the other role, then answer the check. */
    SWITCH,
    /** This agent wins: answer 487 Role Conflict and keep the role. */
    REFUSE;

    /** The verdict on {@code request} for an agent in {@code role} with {@code tieBreaker}. */
    static RoleConflict of(IceRole role, long tieBreaker, StunMessage request) {
        if (role == IceRole.CONTROLLING) {
            Optional<IceControlling> peer = request.attribute(IceControlling.class);
            if (peer.isEmpty()) {
                return NONE;
            }
            return Long.compareUnsigned(tieBreaker, peer.get().tieBreaker()) >= 0 ? REFUSE : SWITCH;
        }
        Optional<IceControlled> peer = request.attribute(IceControlled.class);
        if (peer.isEmpty()) {
            return NONE;
        }
        return Long.compareUnsigned(tieBreaker, peer.get().tieBreaker()) >= 0 ? SWITCH : REFUSE;
    }
}
