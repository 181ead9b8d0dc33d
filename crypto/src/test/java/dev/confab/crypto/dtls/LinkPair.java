package dev.confab.crypto.dtls;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Two {@link QueueDatagramLink}s wired back to back through a seeded impairment per direction: loss, reordering
 * (a datagram held back until after the next one, or for {@link #HOLD_MILLIS} if no next one comes) and
 * duplication. The same seed gives the same fate to the n-th datagram of a direction, whatever the thread timing.
 */
final class LinkPair {

    /** Probabilities per datagram. */
    record Impairment(double loss, double reorder, double duplicate) {
        static final Impairment NONE = new Impairment(0, 0, 0);
        static final Impairment LOSSY = new Impairment(0.2, 0.1, 0.05);
    }

    /** The longest a reordered datagram waits for a later one to overtake it. */
    static final long HOLD_MILLIS = 3;
    private static final ScheduledExecutorService RELEASER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "link-pair-releaser");
        thread.setDaemon(true);
        return thread;
    });

    final QueueDatagramLink a;
    final QueueDatagramLink b;
    final Direction aToB;
    final Direction bToA;

    LinkPair(long seed, Impairment impairment) {
        aToB = new Direction(new SplittableRandom(seed), impairment);
        bToA = new Direction(new SplittableRandom(~seed), impairment);
        a = new QueueDatagramLink(aToB::send);
        b = new QueueDatagramLink(bToA::send);
        aToB.target = b;
        bToA.target = a;
    }

    /** Datagrams lost on purpose in both directions. */
    int lost() {
        return aToB.lost + bToA.lost;
    }

    /** One direction's impairment; synchronized because a sender and a closer may both send. */
    static final class Direction {
        private final SplittableRandom random;
        private final Impairment impairment;
        private QueueDatagramLink target;
        private byte[] held;
        int sent;
        int lost;

        Direction(SplittableRandom random, Impairment impairment) {
            this.random = random;
            this.impairment = impairment;
        }

        synchronized void send(byte[] buf, int off, int len) {
            sent++;
            byte[] datagram = Arrays.copyOfRange(buf, off, off + len);
            if (random.nextDouble() < impairment.loss()) {
                lost++;
                return;
            }
            if (held == null && random.nextDouble() < impairment.reorder()) {
                held = datagram;
                RELEASER.schedule(() -> release(datagram), HOLD_MILLIS, TimeUnit.MILLISECONDS);
                return;
            }
            target.deliver(datagram, 0, datagram.length);
            if (random.nextDouble() < impairment.duplicate()) {
                target.deliver(datagram, 0, datagram.length);
            }
            if (held != null) {
                release(held);
            }
        }

        private synchronized void release(byte[] datagram) {
            if (held == datagram) {
                target.deliver(datagram, 0, datagram.length);
                held = null;
            }
        }
    }
}
