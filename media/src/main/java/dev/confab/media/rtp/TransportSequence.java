package dev.confab.media.rtp;

/**
 * The transport-wide sequence number element (draft-holmer-rmcat-transport-wide-cc-extensions-01 section 2): two
 * bytes counting every packet of the transport, across SSRCs, for transport-cc feedback. Stateless.
 */
public final class TransportSequence {
    /** The element's data length. */
    public static final int LENGTH = 2;

    private TransportSequence() {}

    /** The 16-bit number at {@code buf[at]}. */
    public static int read(byte[] buf, int at) {
        return BigEndian.u16(buf, at);
    }
}
