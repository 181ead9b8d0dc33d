package dev.confab.media.audio.jitter;

/** What {@link AudioJitterBuffer#insert} did with a packet. Immutable. */
public enum Insertion {
    /** Copied in; the playout thread will place it (or count it late or duplicate). */
    QUEUED,
    /** Dropped and counted: every packet slot is taken (playout has stalled, or a burst outran it). */
    FULL,
    /** Dropped and counted: empty, or longer than a slot holds. */
    BAD_SIZE
}
