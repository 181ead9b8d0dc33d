package dev.confab.client.core.chat;

/**
 * Where a message stands. Outgoing messages move SENDING → SENT → DELIVERED → READ (never back), or end FAILED;
 * incoming ones are RECEIVED until this user reads them, then READ. Immutable.
 */
public enum MessageState {
    /** Composed here, waiting in the outbox for the server. */
    SENDING,
    /** The server stored it for the recipient's devices. */
    SENT,
    /** A device of the recipient received it. */
    DELIVERED,
    /** The recipient read it (outgoing), or this user read it (incoming). */
    READ,
    /**
     * It could not be sent; {@link ChatMessage#problem()} says why. Terminal, except for a message held back because
     * the recipient's keys changed: it goes back to SENDING when the user trusts the new keys.
     */
    FAILED,
    /** It arrived here and is not read yet. */
    RECEIVED;

    /** Order of progress for outgoing states; receipts only ever move a message forward. */
    int rank() {
        return switch (this) {
            case SENDING -> 0;
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            case FAILED, RECEIVED -> -1;
        };
    }
}
