package dev.confab.testkit.net.impairment;

/**
 * What one direction of an {@link ImpairmentRelay} did so far. Every datagram received, and every copy made, ends up
 * forwarded, lost, overflowed or undeliverable, so once the relay is idle
 * {@code received + duplicated == forwarded + lost + overflowed + undeliverable}. An immutable snapshot.
 *
 * @param received      datagrams that arrived at the relay
 * @param forwarded     datagrams sent on, copies included
 * @param lost          dropped by the loss model
 * @param overflowed    dropped because the rate limit's queue, or the relay's memory bound, was full
 * @param duplicated    extra copies made
 * @param reordered     datagrams sent on after one that had arrived later
 * @param undeliverable not sent: no peer known yet on the far side, or the send failed
 */
public record RelayCounters(long received, long forwarded, long lost, long overflowed, long duplicated, long reordered,
        long undeliverable) {
    /** Datagrams that arrived but were not sent on (copies aside). */
    public long dropped() {
        return lost + overflowed + undeliverable;
    }
}
