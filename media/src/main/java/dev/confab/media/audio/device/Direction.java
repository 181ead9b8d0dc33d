package dev.confab.media.audio.device;

/** Whether a device captures sound (a microphone) or plays it out (a speaker). */
public enum Direction {
    CAPTURE,
    PLAYOUT
}
