package dev.confab.testkit.net.impairment;

import java.util.OptionalLong;

/** What an {@link ImpairmentModel} decided for one datagram. Immutable values. */
public sealed interface Fate {
    /** Lost by the loss model. */
    record Lost() implements Fate {}

    /** Dropped because the rate limit's queue was full. */
    record Overflowed() implements Fate {}

    /**
     * Sent on at {@code atNanos} (on the clock the arrival time was given in), and a copy at {@code duplicateAtNanos}
     * if the datagram was duplicated (and the copy fit the rate limit's queue).
     */
    record Delivered(long atNanos, OptionalLong duplicateAtNanos) implements Fate {}
}
