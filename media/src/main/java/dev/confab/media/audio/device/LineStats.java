package dev.confab.media.audio.device;

/**
 * Counters of a capture or playout line since it started. Immutable snapshot.
 *
 * @param frames     20 ms frames delivered (capture) or taken from the supplier (playout), silent ones included
 * @param underruns  times playout found the device's buffer empty
 * @param overruns   times capture found the device's buffer full
 * @param losses     times the line broke or its device went away
 * @param openings   lines opened, the first included
 * @param presenceChecks times the system was asked whether the chosen device and the line's stream are still there
 */
public record LineStats(long frames, long underruns, long overruns, long losses, long openings, long presenceChecks) {}
