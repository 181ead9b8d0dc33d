package dev.confab.media.rtp.cc;

/**
 * Groups received packets into the bursts the sender sent together (send times within 5 ms of the group's first, GCC
 * section 5.2) and, as each group completes, gives how much longer (or shorter) it took to arrive after the group
 * before than it took to send: the one-way delay variation. Packets that arrived within 5 ms of the group's last one
 * while falling behind their send spacing join it too, so a burst that a queue released at once is not read as a
 * drop in delay. Packets sent before the current group (reordered) are skipped.
 *
 * <p>Thread contract: one thread at a time (the estimator's).
 */
final class InterArrival {
    static final long GROUP_NANOS = 5_000_000;

    private boolean current;
    private long firstSend;
    private long lastSend;
    private long lastArrival;
    private boolean previous;
    private long previousLastSend;
    private long previousLastArrival;
    private long variationNanos;

    /**
     * Takes a received packet (in arrival order); returns whether a group completed, whose variation
     * {@link #variationNanos()} then gives.
     */
    boolean onPacket(long sendNanos, long arrivalNanos) {
        if (!current) {
            start(sendNanos, arrivalNanos);
            return false;
        }
        if (sendNanos < firstSend) {
            return false;
        }
        if (sendNanos - firstSend <= GROUP_NANOS || isBurst(sendNanos, arrivalNanos)) {
            lastSend = Math.max(lastSend, sendNanos);
            lastArrival = Math.max(lastArrival, arrivalNanos);
            return false;
        }
        boolean completed = previous;
        if (previous) {
            variationNanos = (lastArrival - previousLastArrival) - (lastSend - previousLastSend);
        }
        previous = true;
        previousLastSend = lastSend;
        previousLastArrival = lastArrival;
        start(sendNanos, arrivalNanos);
        return completed;
    }

    /** The delay variation of the group that last completed, arrival spacing less send spacing. */
    long variationNanos() {
        return variationNanos;
    }

    /** When the group that last completed arrived (its last packet). */
    long completedArrivalNanos() {
        return previousLastArrival;
    }

    private boolean isBurst(long sendNanos, long arrivalNanos) {
        long arrivalDelta = arrivalNanos - lastArrival;
        long sendDelta = sendNanos - lastSend;
        return arrivalDelta >= 0 && arrivalDelta < GROUP_NANOS && arrivalDelta - sendDelta < 0;
    }

    private void start(long sendNanos, long arrivalNanos) {
        current = true;
        firstSend = sendNanos;
        lastSend = sendNanos;
        lastArrival = arrivalNanos;
    }
}
