package dev.confab.media.rtp.rtx;

/**
 * What a {@link NackGenerator} has seen and done since it was made. Immutable.
 *
 * @param packets    packets reported to it
 * @param duplicates of {@code packets}, ones already reported
 * @param late       of {@code packets}, ones older than anything tracked: given up already, or before the window
 * @param reordered  of {@code packets}, missing ones that came before any request for them
 * @param recovered  of {@code packets}, missing ones that came after a request: retransmissions, or late originals
 * @param missing    sequence numbers found missing
 * @param requests   sequence numbers handed out to be requested, repeats included
 * @param gaveUp     missing sequence numbers given up on: too many requests, too old, or pushed out of the window
 * @param cleared    missing sequence numbers the caller said it no longer needs ({@link NackGenerator#clearBefore})
 * @param overflows  jumps ahead too far to track what lies between, everything given up at once
 * @param restarts   times the sequence numbers went back so far and then on from there that the sender was taken to
 *                   have started over
 * @param pending    missing sequence numbers tracked now
 */
public record NackStats(long packets, long duplicates, long late, long reordered, long recovered, long missing,
        long requests, long gaveUp, long cleared, long overflows, long restarts, int pending) {
}
