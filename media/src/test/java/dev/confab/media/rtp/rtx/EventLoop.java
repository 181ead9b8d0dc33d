package dev.confab.media.rtp.rtx;

import java.util.PriorityQueue;

/** A discrete-event simulation clock for tests: actions run in time order, those due at one time in the order given. */
final class EventLoop {
    private record Event(long at, long order, Runnable action) {}

    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private long now;
    private long order;

    /** The simulated time, in nanoseconds from the start. */
    long now() {
        return now;
    }

    /** Runs {@code action} at {@code atNanos} (now if that has passed). */
    void at(long atNanos, Runnable action) {
        events.add(new Event(Math.max(atNanos, now), order++, action));
    }

    /** Runs everything due up to {@code endNanos}, then sets the time to it. */
    void runUntil(long endNanos) {
        while (!events.isEmpty() && events.peek().at <= endNanos) {
            Event event = events.poll();
            now = event.at;
            event.action.run();
        }
        now = endNanos;
    }
}
