package dev.confab.bench.calls;

/** What carries the sound from the talker's capture line to the listener's playout line in {@link DeviceLatency}. */
enum DeviceRoute {
    /** The capture line's frames handed straight to the playout line ({@link FrameHandOff}): the device lines alone. */
    LINES,
    /** A call: the capture line feeds one of two {@link LoopbackSessions}, the playout line plays the other. */
    CALL
}
