package dev.confab.media.stun;

/** The attributes that say something by being present and have no value: USE-CANDIDATE and DONT-FRAGMENT. Immutable. */
public sealed interface EmptyAttribute extends StunAttribute permits UseCandidate, DontFragment {

    @Override
    default int size() {
        return 0;
    }

    @Override
    default void marshal(byte[] out, int off, TransactionId transactionId) {
        // no value
    }
}
