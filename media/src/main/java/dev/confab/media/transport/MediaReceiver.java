package dev.confab.media.transport;

/**
 * Where a {@link SecureTransport} delivers unprotected media.
 *
 * <p>Thread contract: called on the sockets' receive threads, one packet at a time (the transport serializes them, as
 * a peer may send on several pairs at once); {@code buf} is reused afterwards, so copy what is kept and return quickly
 * (hand over to the stream's queue).
 */
public interface MediaReceiver {

    /** A receiver that drops everything: for transports whose media nobody plays, such as warm-ups. */
    MediaReceiver DISCARD = new MediaReceiver() {
        @Override
        public void rtp(byte[] buf, int off, int len) {
        }

        @Override
        public void rtcp(byte[] buf, int off, int len) {
        }
    };

    /** One authenticated, decrypted RTP packet. */
    void rtp(byte[] buf, int off, int len);

    /** One authenticated, decrypted compound RTCP packet. */
    void rtcp(byte[] buf, int off, int len);
}
