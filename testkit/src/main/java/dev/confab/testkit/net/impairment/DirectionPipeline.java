package dev.confab.testkit.net.impairment;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One direction of the relay: the receiving thread hands each datagram to {@link #accept}, which decides its fate and
 * schedules its copies; this pipeline's own sender thread sends them out of {@code out} when they are due. What is
 * held waiting is bounded by {@code maxHeldBytes}. Thread-safe: {@link #accept} is called by one receiving thread,
 * settings and counters from any.
 */
final class DirectionPipeline {
    private record Scheduled(long atNanos, long order, long arrival, byte[] data) {}

    private final ImpairmentModel model;
    private final AtomicReference<Impairment> impairment;
    private final DatagramSocket out;
    private final Supplier<SocketAddress> destination;
    private final long maxHeldBytes;
    private final Thread sender;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparingLong(Scheduled::atNanos).thenComparingLong(Scheduled::order));
    private final LongAdder received = new LongAdder();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder overflowed = new LongAdder();
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder reordered = new LongAdder();
    private final LongAdder undeliverable = new LongAdder();
    private long heldBytes;
    private long order;
    private long arrivals;
    private long latestSentArrival = -1;
    private boolean running = true;

    DirectionPipeline(String name, long seed, Impairment initial, DatagramSocket out, Supplier<SocketAddress> destination,
            long maxHeldBytes) {
        this.model = new ImpairmentModel(seed);
        this.impairment = new AtomicReference<>(initial);
        this.out = out;
        this.destination = destination;
        this.maxHeldBytes = maxHeldBytes;
        this.sender = new Thread(this::sendLoop, name);
        sender.setDaemon(true);
        sender.start();
    }

    void impair(Impairment next) {
        impairment.set(next);
    }

    Impairment impairment() {
        return impairment.get();
    }

    /** Decides the fate of one datagram that arrived at {@code nowNanos} and schedules what survives. */
    void accept(byte[] data, int length, long nowNanos) {
        received.increment();
        long arrival = arrivals++;
        switch (model.decide(impairment.get(), nowNanos, length)) {
            case Fate.Lost _ -> lost.increment();
            case Fate.Overflowed _ -> overflowed.increment();
            case Fate.Delivered delivered -> {
                byte[] copy = Arrays.copyOf(data, length);
                schedule(delivered.atNanos(), arrival, copy);
                delivered.duplicateAtNanos().ifPresent(at -> {
                    duplicated.increment();
                    schedule(at, arrival, copy);
                });
            }
        }
    }

    RelayCounters counters() {
        return new RelayCounters(received.sum(), forwarded.sum(), lost.sum(), overflowed.sum(), duplicated.sum(),
                reordered.sum(), undeliverable.sum());
    }

    /** Stops the sender thread; datagrams still held are discarded. */
    void close() {
        lock.lock();
        try {
            running = false;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            sender.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule(long atNanos, long arrival, byte[] data) {
        lock.lock();
        try {
            if (heldBytes + data.length > maxHeldBytes) {
                overflowed.increment();
                return;
            }
            heldBytes += data.length;
            queue.add(new Scheduled(atNanos, order++, arrival, data));
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private void sendLoop() {
        while (true) {
            Scheduled next = nextDue();
            if (next == null) {
                return;
            }
            send(next);
        }
    }

    /** Waits for the earliest datagram to fall due and takes it; null once closed. */
    private Scheduled nextDue() {
        lock.lock();
        try {
            while (running) {
                Scheduled head = queue.peek();
                long wait = head == null ? Long.MAX_VALUE : head.atNanos() - System.nanoTime();
                if (wait <= 0) {
                    heldBytes -= head.data().length;
                    return queue.poll();
                }
                if (head == null) {
                    changed.await();
                } else {
                    changed.awaitNanos(wait);
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void send(Scheduled datagram) {
        SocketAddress to = destination.get();
        if (to == null) {
            undeliverable.increment();
            return;
        }
        try {
            out.send(new DatagramPacket(datagram.data(), datagram.data().length, to));
        } catch (IOException e) {
            undeliverable.increment();
            return;
        }
        forwarded.increment();
        if (datagram.arrival() < latestSentArrival) {
            reordered.increment();
        } else {
            latestSentArrival = datagram.arrival();
        }
    }
}
