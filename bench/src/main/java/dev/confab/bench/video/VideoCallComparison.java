package dev.confab.bench.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The video call rows of the report: Confab's call beside Chromium's, CPU of the whole call per minute, per side, and
 * the ratio; Confab's row says it was not measured when there is no Confab measurement. Immutable.
 *
 * @param plan     the call both made
 * @param confab   Confab's call, when it was measured
 * @param chromium Chromium's call
 */
record VideoCallComparison(VideoCallPlan plan, Optional<VideoCallCpu> confab, VideoCallCpu chromium) {

    List<String> table() {
        String call = String.format(Locale.ROOT, "%s %d fps + audio call", plan.size(), plan.frameRate());
        List<String> lines = new ArrayList<>(List.of(
                "| video call on loopback, " + plan.counted().toSeconds() + " s counted | CPU s per call-minute (both"
                        + " sides) | % of one core per side | Confab / Chromium | received by each side |",
                "| --- | ---: | ---: | ---: | --- |"));
        lines.add(confab.map(c -> row("Confab, " + call, c, String.format(Locale.ROOT, "%.2f",
                        c.cpuSecondsPerCallMinute() / chromium.cpuSecondsPerCallMinute())))
                .orElse("| Confab, " + call + " | not measured in this run | | | |"));
        lines.add(row(chromium.label() + ", " + call, chromium, ""));
        return lines;
    }

    List<String> notes() {
        List<String> notes = new ArrayList<>();
        confab.ifPresent(c -> notes.add(c.note()));
        notes.add(chromium.note());
        return notes;
    }

    private static String row(String label, VideoCallCpu cpu, String ratio) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %s |", label, cpu.cpuSecondsPerCallMinute(),
                cpu.perSidePercent(), ratio, String.join("; ", cpu.received().stream().map(ReceivedVideo::describe)
                        .toList()));
    }
}
