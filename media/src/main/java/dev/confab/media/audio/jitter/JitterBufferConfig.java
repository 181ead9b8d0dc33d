package dev.confab.media.audio.jitter;

/**
 * How an {@link AudioJitterBuffer} sizes itself and adapts. Immutable.
 *
 * @param packetSlots     packets held at most (a power of two, at most {@link PacketWindow#SPAN}); a packet arriving
 *                        when all are taken is dropped and counted
 * @param maxPacketBytes  largest payload copied; a longer one is dropped and counted
 * @param startDelayMs    how long the first packet (and the first after a reset) waits before playout starts
 * @param minTargetMs     the target delay never goes below this (besides the one-packet minimum)
 * @param maxTargetMs     the target delay never goes above this
 * @param maxBufferMs     past this much buffered audio the oldest packets are discarded down to the target
 * @param percentile      the share of packets whose arrival delay the target covers (NetEq: 0.95)
 * @param forgetFactor    per packet, how much of the delay histogram is kept (0.997: a delay seen stops counting
 *                        after about 1000 packets, 20 s of 20 ms packets)
 */
public record JitterBufferConfig(int packetSlots, int maxPacketBytes, int startDelayMs, int minTargetMs,
        int maxTargetMs, int maxBufferMs, double percentile, double forgetFactor) {

    public JitterBufferConfig {
        if (packetSlots <= 0 || Integer.bitCount(packetSlots) != 1 || packetSlots > PacketWindow.SPAN) {
            throw new IllegalArgumentException("packetSlots must be a power of two up to " + PacketWindow.SPAN);
        }
        if (maxPacketBytes <= 0 || startDelayMs < 0 || minTargetMs < 0 || maxTargetMs < minTargetMs
                || maxBufferMs < maxTargetMs) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= minTargetMs <= maxTargetMs <= maxBufferMs");
        }
        if (!(percentile > 0 && percentile < 1) || !(forgetFactor > 0 && forgetFactor < 1)) {
            throw new IllegalArgumentException("percentile and forgetFactor must lie in (0, 1)");
        }
    }

    /**
     * 128 slots of 1500 bytes (2.5 s of 20 ms packets, 192 KB), 60 ms start, target 0-500 ms over the 95th
     * percentile, discard past 1 s.
     */
    public static JitterBufferConfig defaults() {
        return new JitterBufferConfig(128, 1500, 60, 0, 500, 1000, 0.95, 0.997);
    }
}
