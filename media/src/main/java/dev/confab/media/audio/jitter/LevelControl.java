package dev.confab.media.audio.jitter;

import java.util.Arrays;

/**
 * Decides, once per pull, whether playout should run faster or slower to bring the buffer level to its target (as
 * NetEq's decision logic). The level at a pull swings with arrivals: it is a packet higher when the next packet happens
 * to arrive before the pull than just after it. So it expands only when the smoothed level is a quarter below target,
 * and accelerates only when the smoothed level is above a band over target (a quarter frame, the swing of packets
 * longer than a frame, or the usual spread of arrival delay, whichever is largest) and the level has not been below
 * target at any pull of the last second: only then is the excess real. Playout thread only.
 */
final class LevelControl {
    /** What to do with this pull's audio. */
    enum Action { NONE, ACCELERATE, EXPAND }

    private static final double SMOOTHING = 1.0 / 8;
    private static final int HISTORY = 50;

    private final long[] recent = new long[HISTORY];
    private int next;
    private int seen;
    private double filteredLevel;

    /**
     * The action for a level of {@code level} samples against a target of {@code target}, in packets of
     * {@code packetSamples}, with arrival delays spread by {@code spread}.
     */
    Action decide(long level, int target, int packetSamples, int spread) {
        filteredLevel = seen == 0 ? level : filteredLevel + (level - filteredLevel) * SMOOTHING;
        recent[next] = level;
        next = (next + 1) % HISTORY;
        seen = Math.min(HISTORY, seen + 1);
        int swing = Math.max(Playout.FRAME / 4, (packetSamples - Playout.FRAME) / 2);
        int low = Math.min(target * 3 / 4, target - swing);
        int high = target + Math.max(swing, spread);
        if (filteredLevel > high && lowestRecent() > target) {
            return Action.ACCELERATE;
        }
        if (filteredLevel < low && level < target && level >= Playout.FRAME) {
            return Action.EXPAND;
        }
        return Action.NONE;
    }

    /** How far the level has stayed above {@code target} through the last second: what accelerating may remove. */
    long excessOver(int target) {
        return lowestRecent() - target;
    }

    private long lowestRecent() {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < seen; i++) {
            lowest = Math.min(lowest, recent[i]);
        }
        return lowest;
    }

    /** The level changed by {@code samples} (negative: removed) through a stretch: count it at once. */
    void stretched(int samples) {
        filteredLevel += samples;
        for (int i = 0; i < seen; i++) {
            recent[i] += samples;
        }
    }

    /** Forgets the level history (a restart). */
    void reset() {
        seen = 0;
        next = 0;
        Arrays.fill(recent, 0);
    }
}
