package dev.confab.media.rtp.rtx;

import dev.confab.media.rtp.SeqNum;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The receiver's side of NACK (RFC 4585 section 6.2.1) for one media SSRC, as WebRTC's NackRequester does it: it
 * follows the sequence numbers that arrive (across the wrap), notes each gap, and says which missing packets to ask
 * for and when. A missing packet is asked for at once (or after {@link NackGeneratorConfig#reorderDelayNanos()}),
 * then again each round trip plus a random share of it while it does not come, up to
 * {@link NackGeneratorConfig#maxRequests()} times. It is given up when the last request has had a round trip to be
 * answered, when {@link NackGeneratorConfig#maxAgeNanos()} passed since its loss was noticed, or when it falls
 * {@link NackGeneratorConfig#window()} sequence numbers behind the newest; a jump ahead by more than the window gives
 * up everything. Every give-up raises a key frame request ({@link #pollKeyFrameRequest()}): the frame that needed the
 * packet cannot be decoded, nor anything after it until a key frame. A packet that arrives late or as a restored
 * retransmission ends its requests.
 *
 * <p>It has no thread and reads no clock: the caller reports each packet of the SSRC with {@link #onPacket} (restored
 * RTX packets included, with their original sequence numbers) and calls {@link #due} after packets and on its own
 * timer (at {@link #nextDueNanos()}), then sends what {@code due} wrote as Generic NACKs ({@link NackRequests}). A
 * caller that assembles frames tells it with {@link #clearBefore} which missing packets it no longer needs (those
 * before a frame it handed out), so that they are neither asked for again nor given up with a key frame request.
 * Sequence numbers are taken nearest the newest one, so late or stray packets do not shift what the rest mean.
 * Memory is fixed by the window; steady state allocates nothing.
 *
 * <p>Thread contract: one thread at a time (the stream's receive queue), which also feeds it the round trip.
 */
public final class NackGenerator {
    private static final long EMPTY = Long.MIN_VALUE;
    private static final long NONE = Long.MIN_VALUE;

    private final NackGeneratorConfig config;
    private final RandomGenerator random;
    private final int mask;
    /** Per slot: the extended sequence number it describes, received or missing, or EMPTY. */
    private final long[] sequence;
    private final boolean[] missing;
    private final long[] noticedAt;
    private final long[] nextAt;
    private final int[] requested;
    private boolean started;
    private long newest;
    /** No missing entry is older than this. */
    private long oldestPending;
    private long farBehind = NONE;
    private long roundTrip;
    private boolean keyFrameRequest;
    private int pending;
    private long packets;
    private long duplicates;
    private long late;
    private long reordered;
    private long recovered;
    private long missingFound;
    private long requests;
    private long gaveUp;
    private long cleared;
    private long overflows;
    private long restarts;

    /** A generator with these bounds; {@code random} (seeded in tests) draws the jitter of the retries. */
    public NackGenerator(NackGeneratorConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
        this.mask = config.window() - 1;
        this.sequence = new long[config.window()];
        this.missing = new boolean[config.window()];
        this.noticedAt = new long[config.window()];
        this.nextAt = new long[config.window()];
        this.requested = new int[config.window()];
        this.roundTrip = config.initialRoundTripNanos();
        Arrays.fill(sequence, EMPTY);
    }

    /** Reports the packet with sequence number {@code seq} (low 16 bits used), received at {@code nowNanos}. */
    public void onPacket(int seq, long nowNanos) {
        packets++;
        long x = extend(seq);
        if (!started) {
            started = true;
            mark(x);
            newest = x;
            oldestPending = x;
            return;
        }
        if (x > newest) {
            farBehind = NONE;
            if (x - newest > config.window()) {
                clear();
                overflows++;
                keyFrameRequest = true;
            } else {
                for (long gap = newest + 1; gap < x; gap++) {
                    noteMissing(gap, nowNanos);
                }
            }
            mark(x);
            newest = x;
        } else if (x == newest) {
            duplicates++;
        } else if (newest - x >= config.window()) {
            behindWindow(x);
        } else {
            arrivedOutOfOrder(x);
        }
    }

    /**
     * Writes to {@code dst} the sequence numbers to ask for at {@code nowNanos}, oldest first, as many as fit, and
     * counts them as asked for; the rest stay due for the next call. Those past their limits are given up on the way.
     * Returns how many it wrote.
     */
    public int due(long nowNanos, int[] dst) {
        int count = 0;
        long first = Math.max(oldestPending, newest - mask);
        long stillPending = newest;
        for (long x = first; x < newest && pending > 0; x++) {
            int slot = slot(x);
            if (sequence[slot] != x || !missing[slot]) {
                continue;
            }
            if (exhausted(slot, nowNanos)) {
                giveUp(slot);
                continue;
            }
            stillPending = Math.min(stillPending, x);
            if (nowNanos - nextAt[slot] >= 0 && count < dst.length) {
                dst[count++] = (int) x & 0xffff;
                requested[slot]++;
                requests++;
                nextAt[slot] = nowNanos + retryInterval();
            }
        }
        oldestPending = stillPending;
        return count;
    }

    /**
     * When {@link #due} next has something to do (a request or a give-up), by the caller's clock; Long.MAX_VALUE
     * while nothing is missing.
     */
    public long nextDueNanos() {
        long next = Long.MAX_VALUE;
        for (long x = Math.max(oldestPending, newest - mask); x < newest && pending > 0; x++) {
            int slot = slot(x);
            if (sequence[slot] == x && missing[slot]) {
                long ageLimit = noticedAt[slot] + config.maxAgeNanos() + 1;
                next = Math.min(next, Math.min(nextAt[slot], ageLimit));
            }
        }
        return next;
    }

    /**
     * Stops asking for the missing packets before {@code seq} (low 16 bits, taken nearest the newest), without a key
     * frame request: the caller no longer needs them, as WebRTC's receiver says when it hands out a frame (packets
     * before a frame the decoder got are of no use) or a key frame arrives.
     */
    public void clearBefore(int seq) {
        if (!started) {
            return;
        }
        long end = Math.min(newest, extend(seq));
        for (long x = Math.max(oldestPending, newest - mask); x < end && pending > 0; x++) {
            int slot = slot(x);
            if (sequence[slot] == x && missing[slot]) {
                sequence[slot] = EMPTY;
                missing[slot] = false;
                pending--;
                cleared++;
            }
        }
        oldestPending = Math.max(oldestPending, end);
    }

    /** Whether a missing packet was given up on since the last call: the caller should ask for a key frame. */
    public boolean pollKeyFrameRequest() {
        boolean request = keyFrameRequest;
        keyFrameRequest = false;
        return request;
    }

    /** The path's round trip as RTCP measured it, 0 or more: the pace of the repeated requests. */
    public void setRoundTrip(long roundTripNanos) {
        if (roundTripNanos < 0) {
            throw new IllegalArgumentException("a round trip is not negative: " + roundTripNanos);
        }
        roundTrip = roundTripNanos;
    }

    public NackStats stats() {
        return new NackStats(packets, duplicates, late, reordered, recovered, missingFound, requests, gaveUp, cleared,
                overflows, restarts, pending);
    }

    private void noteMissing(long x, long nowNanos) {
        int slot = evict(x);
        sequence[slot] = x;
        missing[slot] = true;
        noticedAt[slot] = nowNanos;
        nextAt[slot] = nowNanos + config.reorderDelayNanos();
        requested[slot] = 0;
        if (pending++ == 0) {
            oldestPending = x;
        }
        missingFound++;
    }

    private void mark(long x) {
        int slot = evict(x);
        sequence[slot] = x;
        missing[slot] = false;
    }

    /** Frees the slot of {@code x}, giving up the missing packet a window older that may hold it. */
    private int evict(long x) {
        int slot = slot(x);
        if (sequence[slot] != EMPTY && missing[slot]) {
            giveUp(slot);
        }
        return slot;
    }

    private void arrivedOutOfOrder(long x) {
        int slot = slot(x);
        if (sequence[slot] != x) {
            late++;
        } else if (!missing[slot]) {
            duplicates++;
        } else {
            if (requested[slot] > 0) {
                recovered++;
            } else {
                reordered++;
            }
            missing[slot] = false;
            pending--;
        }
    }

    /**
     * A packet from before the window: late, or, if the next one follows it, a sender that started over (RFC 3550
     * A.1 takes two in sequence as the proof).
     */
    private void behindWindow(long x) {
        if (farBehind != NONE && x == farBehind + 1) {
            clear();
            restarts++;
            mark(x);
            newest = x;
            farBehind = NONE;
        } else {
            late++;
            farBehind = x;
        }
    }

    private boolean exhausted(int slot, long nowNanos) {
        boolean lastAnswerDue = requested[slot] >= config.maxRequests() && nowNanos - nextAt[slot] >= 0;
        return lastAnswerDue || nowNanos - noticedAt[slot] > config.maxAgeNanos();
    }

    private void giveUp(int slot) {
        missing[slot] = false;
        sequence[slot] = EMPTY;
        pending--;
        gaveUp++;
        keyFrameRequest = true;
    }

    /** Drops everything tracked; pending packets are abandoned without counting as given up one by one. */
    private void clear() {
        Arrays.fill(sequence, EMPTY);
        Arrays.fill(missing, false);
        pending = 0;
    }

    /**
     * {@code seq} extended to the number nearest the newest: unlike an unwrapper that follows every value, late and
     * stray packets do not move the reference.
     */
    private long extend(int seq) {
        return started ? newest + SeqNum.diff(seq, (int) newest) : seq & 0xffff;
    }

    private long retryInterval() {
        long base = Math.max(roundTrip, config.minRetryNanos());
        return base + (long) (random.nextDouble() * config.retryJitter() * roundTrip);
    }

    private int slot(long x) {
        return (int) x & mask;
    }
}
