package dev.confab.media.video.vp8;

/**
 * The bounds of a {@link Vp8FrameAssembler}: together they cap its memory at about
 * {@code maxPackets * maxPacketBytes} for the packets it holds plus {@code maxFrameBytes} in the caller's
 * {@link Vp8FrameBuffer}. Immutable.
 *
 * @param maxPackets     packets held while frames wait to complete, a power of two from 16 to 16384; a packet this
 *                       many sequence numbers ahead of the oldest one awaited pushes it out
 * @param maxPacketBytes VP8 bytes one packet may carry (after the descriptor); longer packets are dropped
 * @param maxFrameBytes  the largest frame handed out; a longer one is dropped as lost
 * @param maxWaitTicks   how long, in RTP time, the assembler waits for a missing packet (for a retransmission)
 *                       before giving the frame up: once the newest packet's timestamp is more than this after the
 *                       oldest packet held behind the gap
 */
public record Vp8AssemblerConfig(int maxPackets, int maxPacketBytes, int maxFrameBytes, int maxWaitTicks) {
    /** VP8's RTP clock (RFC 7741 section 4.1). */
    public static final int CLOCK_RATE = 90_000;

    /** Checks the ranges. */
    public Vp8AssemblerConfig {
        if (maxPackets < 16 || maxPackets > 16384 || Integer.bitCount(maxPackets) != 1) {
            throw new IllegalArgumentException("max packets must be a power of two, 16-16384: " + maxPackets);
        }
        if (maxPacketBytes < 1 || maxPacketBytes > 65_535 || maxFrameBytes < 1 || maxWaitTicks < 0) {
            throw new IllegalArgumentException("sizes must be positive, 64 KiB at most per packet, and the wait not"
                    + " negative: " + maxPacketBytes + ", " + maxFrameBytes + ", " + maxWaitTicks);
        }
    }

    /**
     * 1024 packets (a 1 MiB frame takes about 930 of Chromium's), 1500 bytes each (more than a 1500-byte MTU lets
     * through), frames up to 1 MiB, and a 250 ms wait: a retransmission on most paths comes back well within it, and
     * a frame given up after it, plus a key frame's round trip, stays under half a second of frozen picture.
     */
    public static Vp8AssemblerConfig defaults() {
        return new Vp8AssemblerConfig(1024, 1500, 1 << 20, CLOCK_RATE / 4);
    }
}
