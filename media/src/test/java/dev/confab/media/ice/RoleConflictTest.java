package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.stun.IceControlled;
import dev.confab.media.stun.IceControlling;
import dev.confab.media.stun.StunAttribute;
import dev.confab.media.stun.StunMessage;
import dev.confab.media.stun.StunMethod;
import dev.confab.media.stun.TransactionId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 8445 section 7.3.1.1: the larger tie-breaker, compared unsigned, ends up controlling. */
class RoleConflictTest {

    private static final long SMALL = 5;
    private static final long LARGE = 0x8000_0000_0000_0000L; // negative as a long, largest here unsigned

    @Test
    void checksClaimingTheOtherRoleAreNoConflict() {
        assertThat(RoleConflict.of(IceRole.CONTROLLING, SMALL, check(new IceControlled(LARGE))))
                .isEqualTo(RoleConflict.NONE);
        assertThat(RoleConflict.of(IceRole.CONTROLLED, SMALL, check(new IceControlling(LARGE))))
                .isEqualTo(RoleConflict.NONE);
    }

    @Test
    void twoControllingAgentsLeaveControlToTheLargerTieBreaker() {
        assertThat(RoleConflict.of(IceRole.CONTROLLING, LARGE, check(new IceControlling(SMALL))))
                .isEqualTo(RoleConflict.REFUSE);
        assertThat(RoleConflict.of(IceRole.CONTROLLING, SMALL, check(new IceControlling(LARGE))))
                .isEqualTo(RoleConflict.SWITCH);
    }

    @Test
    void twoControlledAgentsGiveControlToTheLargerTieBreaker() {
        assertThat(RoleConflict.of(IceRole.CONTROLLED, LARGE, check(new IceControlled(SMALL))))
                .isEqualTo(RoleConflict.SWITCH);
        assertThat(RoleConflict.of(IceRole.CONTROLLED, SMALL, check(new IceControlled(LARGE))))
                .isEqualTo(RoleConflict.REFUSE);
    }

    @Test
    void equalTieBreakersStillEndWithOneControllingAgent() {
        assertThat(RoleConflict.of(IceRole.CONTROLLING, SMALL, check(new IceControlling(SMALL))))
                .isEqualTo(RoleConflict.REFUSE); // the peer, controlling too, gets 487 and switches
        assertThat(RoleConflict.of(IceRole.CONTROLLED, SMALL, check(new IceControlled(SMALL))))
                .isEqualTo(RoleConflict.SWITCH); // while the peer, controlled too, refuses
    }

    private static StunMessage check(StunAttribute role) {
        return StunMessage.request(StunMethod.BINDING, TransactionId.random(new SplittableRandom(1)), role);
    }
}
