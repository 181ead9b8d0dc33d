package dev.confab.bench.video;

import java.util.List;

/**
 * A video call's measured CPU: of everything that ran both sides (two JVMs, or one browser holding both peer
 * connections), as a percentage of one core over the counted time, and what each side received meanwhile, which shows
 * the call ran as planned. Immutable.
 *
 * @param label       who made the call, such as {@code Chromium 156.0.8078.108, two peer connections in one browser}
 * @param totalPercent CPU of both sides together, % of one core
 * @param received    what each side received, one entry per side
 * @param note        how it was measured, a sentence for the report's notes
 */
public record VideoCallCpu(String label, double totalPercent, List<ReceivedVideo> received, String note) {

    public VideoCallCpu {
        if (received.isEmpty()) {
            throw new IllegalArgumentException("a call has at least one side");
        }
        received = List.copyOf(received);
    }

    /** The CPU of one side: the total shared equally among the sides. */
    public double perSidePercent() {
        return totalPercent / received.size();
    }

    /** CPU seconds of both sides together per minute of call. */
    public double cpuSecondsPerCallMinute() {
        return totalPercent / 100 * 60;
    }
}
