package dev.confab.media.audio.jitter;

/**
 * Counters of an {@link AudioJitterBuffer} since it was made, and its present level and target. Immutable snapshot;
 * the counters are each read atomically but not all at the same instant.
 *
 * @param levelMs         audio buffered at the last pull: decoded samples waiting plus packets stored
 * @param targetMs        the level playout steers towards: the chosen percentile of arrival delay plus one packet
 * @param received        packets taken in by {@code insert}
 * @param played          packets decoded for playout
 * @param lost            sequence numbers playout passed without their packet (whether concealed or recovered by
 *                        FEC); DTX gaps are not loss
 * @param late            packets that arrived after their turn had passed
 * @param duplicate       packets that arrived again
 * @param discarded       packets dropped for lack of a slot, a bad size, a payload the decoder rejects, or because
 *                        the buffer overflowed
 * @param fecRecovered    lost packets recovered from their successor's FEC data
 * @param resets          times a jump in sequence number or timestamp restarted playout
 * @param concealedMs     audio played out as concealment
 * @param comfortNoiseMs  audio played out as comfort noise during DTX
 * @param acceleratedMs   audio removed by time-stretching to drain the buffer
 * @param expandedMs      audio added by time-stretching to grow the buffer
 * @param longestGapMs    the longest run of concealment played out without a break: the longest gap heard
 */
public record JitterBufferStats(int levelMs, int targetMs, long received, long played, long lost, long late,
        long duplicate, long discarded, long fecRecovered, long resets, long concealedMs, long comfortNoiseMs,
        long acceleratedMs, long expandedMs, long longestGapMs) {}
