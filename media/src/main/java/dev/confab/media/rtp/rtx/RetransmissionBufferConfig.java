package dev.confab.media.rtp.rtx;

/**
 * The bounds of a {@link RetransmissionBuffer}: its memory is {@code capacity * maxPacketBytes}, and what it answers
 * for is the last {@code capacity} sequence numbers sent, no older than the age limit. Immutable.
 *
 * @param capacity       packets kept, a power of two from 16 to 32768 (so that slots follow the 16-bit sequence
 *                       numbers across their wrap); a packet is pushed out by the one this many sequence numbers later
 * @param maxPacketBytes the longest packet stored, 12 (a bare RTP header) to 65535
 * @param maxAgeNanos    how long after its first sending a packet is resent at most; the buffer stretches it to three
 *                       round trips when the path is slower, as WebRTC keeps packets for max(1 s, 3 RTT)
 */
public record RetransmissionBufferConfig(int capacity, int maxPacketBytes, long maxAgeNanos) {
    /** Checks the ranges. */
    public RetransmissionBufferConfig {
        if (capacity < 16 || capacity > 32768 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, 16-32768: " + capacity);
        }
        if (maxPacketBytes < 12 || maxPacketBytes > 65_535 || maxAgeNanos <= 0) {
            throw new IllegalArgumentException("packets are 12-65535 bytes and the age limit positive: "
                    + maxPacketBytes + ", " + maxAgeNanos);
        }
    }

    /**
     * 1024 packets of up to 1500 bytes (1.5 MB; at 2.5 Mbit/s of 1200-byte packets, 4 s of video: more than the
     * 600 packets Chromium keeps for a video stream) for at most 1 s.
     */
    public static RetransmissionBufferConfig defaults() {
        return new RetransmissionBufferConfig(1024, 1500, 1_000_000_000L);
    }
}
