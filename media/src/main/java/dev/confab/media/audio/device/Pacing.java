package dev.confab.media.audio.device;

/** How a file-backed capture or playout moves frames. */
public enum Pacing {
    /** One frame every 20 ms, as a device would. */
    REAL_TIME,
    /** As fast as the consumer or supplier goes, for tests. */
    AS_FAST_AS_POSSIBLE
}
