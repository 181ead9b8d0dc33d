package dev.confab.media.rtp.cc;

import java.util.List;

/**
 * Picks the video's resolution and frame rate for its bitrate and the encoder's pace. The default ladder is
 * "balanced" for a camera call: resolution goes first, keeping 30 fps down to 320x240 (a talking head moves, and
 * stutter is noticed before softness), then the frame rate halves (below 320x240 detail would be lost faster than
 * motion), then the resolution again at the floor. With a screen or document a caller would give a ladder that keeps
 * resolution and drops frame rate instead.
 *
 * <p>Down is at once (a step that cannot be afforded would make the encoder overshoot or blur); up only after the rate
 * has stayed {@link #UP_MARGIN} above the higher step's need for {@link #UP_HOLD_NANOS}, so a rate hovering at a
 * boundary does not flap. CPU overuse lowers a cap one step each time it is reported, underuse raises it one step;
 * the step is never above the cap.
 *
 * <p>Thread contract: one thread at a time (the sender's).
 */
public final class VideoQualityLadder {
    /** 640x480@30 from 500 kbit/s down to 160x120@15 at the floor (video rates on the wire). */
    public static final List<VideoStep> DEFAULT_STEPS = List.of(
            new VideoStep(640, 480, 30, 500_000),
            new VideoStep(480, 360, 30, 300_000),
            new VideoStep(320, 240, 30, 180_000),
            new VideoStep(320, 240, 15, 100_000),
            new VideoStep(160, 120, 15, 0));
    public static final double UP_MARGIN = 1.2;
    public static final long UP_HOLD_NANOS = 2_000_000_000L;

    private final List<VideoStep> steps;
    private int current;
    private int cpuCap;
    private long upSinceNanos = Long.MIN_VALUE;

    /**
     * @param steps best first, each needing less than the one before, the last needing 0
     * @param first the step to start at (e.g. the one for the start rate)
     */
    public VideoQualityLadder(List<VideoStep> steps, VideoStep first) {
        if (steps.isEmpty() || steps.getLast().minBps() != 0 || !steps.contains(first)) {
            throw new IllegalArgumentException("a ladder needs steps ending at 0 kbit/s and a first step among them");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).minBps() >= steps.get(i - 1).minBps()) {
                throw new IllegalArgumentException("each step must need less than the one before: " + steps);
            }
        }
        this.steps = List.copyOf(steps);
        this.current = steps.indexOf(first);
    }

    /** The default steps, starting at the best one {@code videoBps} affords. */
    public static VideoQualityLadder withDefaults(long videoBps) {
        return new VideoQualityLadder(DEFAULT_STEPS, DEFAULT_STEPS.stream().filter(s -> s.minBps() <= videoBps)
                .findFirst().orElseThrow());
    }

    /** Takes the video's current rate and the encoder's load; returns the step to encode at. */
    public VideoStep update(long videoBps, CpuLoad cpu, long nowNanos) {
        switch (cpu) {
            case OVERUSED -> cpuCap = Math.min(Math.max(cpuCap, current) + 1, steps.size() - 1);
            case UNDERUSED -> cpuCap = Math.max(cpuCap - 1, 0);
            case NORMAL -> { }
        }
        while (current < steps.size() - 1 && videoBps < steps.get(current).minBps()) {
            current++;
            upSinceNanos = Long.MIN_VALUE;
        }
        if (current > 0 && videoBps >= UP_MARGIN * steps.get(current - 1).minBps()) {
            if (upSinceNanos == Long.MIN_VALUE) {
                upSinceNanos = nowNanos;
            } else if (nowNanos - upSinceNanos >= UP_HOLD_NANOS) {
                current--;
                upSinceNanos = Long.MIN_VALUE;
            }
        } else {
            upSinceNanos = Long.MIN_VALUE;
        }
        current = Math.max(current, cpuCap);
        return steps.get(current);
    }

    /** The step chosen last. */
    public VideoStep current() {
        return steps.get(current);
    }
}
