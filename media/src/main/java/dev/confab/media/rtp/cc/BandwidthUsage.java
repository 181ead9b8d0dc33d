package dev.confab.media.rtp.cc;

/** What the delay-based detector concludes of the path's queues (GCC section 5.4). Immutable. */
public enum BandwidthUsage {
    /** Queuing delay is steady. */
    NORMAL,
    /** Queuing delay is growing: the path is overused. */
    OVERUSING,
    /** Queuing delay is shrinking: queues drain. */
    UNDERUSING
}
