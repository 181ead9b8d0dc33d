package dev.confab.media.stun;

/**
 * ICE-CONTROLLING and ICE-CONTROLLED (RFC 8445 section 16.1): the role the sender of a check believes it has, and
 * its tie-breaker for role conflicts (RFC 8445 section 7.3.1.1). Immutable.
 */
public sealed interface IceRoleAttribute extends StunAttribute permits IceControlling, IceControlled {

    /** The sender's random 64-bit tie-breaker. */
    long tieBreaker();

    @Override
    default int size() {
        return 8;
    }

    @Override
    default void marshal(byte[] out, int off, TransactionId transactionId) {
        WireBytes.put64(out, off, tieBreaker());
    }
}
