package dev.confab.media.rtp.cc;

/** What the {@link CpuOveruseDetector} concludes of the encoder's pace. Immutable. */
public enum CpuLoad {
    /** The encoder keeps up with room to spare: a higher step may be tried. */
    UNDERUSED,
    /** Keep the step. */
    NORMAL,
    /** The encoder nears or passes real time: step down. */
    OVERUSED
}
