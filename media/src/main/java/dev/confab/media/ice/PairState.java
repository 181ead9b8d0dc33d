package dev.confab.media.ice;

/** The state of a candidate pair in the checklist (RFC 8445 section 6.1.2.6). */
public enum PairState {
    /** Waits until a pair of the same foundation succeeds. */
    FROZEN,
    /** Will be checked when its turn comes. */
    WAITING,
    /** A check is outstanding. */
    IN_PROGRESS,
    /** A check succeeded: the pair is valid (or made a valid pair). */
    SUCCEEDED,
    /** The check timed out or got an unrecoverable error. */
    FAILED
}
