package dev.confab.media.rtp.cc;

/**
 * What transport-cc feedback said of one sent packet. Immutable.
 *
 * @param sequence     the extended transport-wide sequence number
 * @param sizeBytes    the size given when it was sent
 * @param sendNanos    when it was sent, on the sender's clock
 * @param arrivalNanos when it arrived, on the receiver's clock (only differences mean anything), or {@link #LOST}
 */
public record PacketResult(long sequence, int sizeBytes, long sendNanos, long arrivalNanos) {
    /** The arrival time of a packet reported not received. */
    public static final long LOST = Long.MIN_VALUE;

    public boolean received() {
        return arrivalNanos != LOST;
    }
}
