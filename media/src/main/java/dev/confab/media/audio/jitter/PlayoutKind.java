package dev.confab.media.audio.jitter;

/**
 * What one pulled frame holds, by its most degraded part: constants are ordered from best to worst, and a frame made
 * of several kinds reports the last of them in this order. Immutable.
 */
public enum PlayoutKind {
    /** Nothing to play yet (before the first packet, or while playout starts after a reset): zeros. */
    SILENCE,
    /** Decoded packets, unchanged. */
    NORMAL,
    /** The sender is in DTX: comfort noise from the decoder. Not loss. */
    COMFORT_NOISE,
    /** Decoded audio lengthened by one or more pitch periods so the buffer grows towards its target. */
    EXPANDED,
    /** Decoded audio shortened by a pitch period so the buffer drains towards its target. */
    ACCELERATED,
    /** A lost packet recovered from the FEC data of its successor. */
    FEC_RECOVERED,
    /** A lost or not yet arrived packet concealed by the decoder (PLC). */
    CONCEALED
}
