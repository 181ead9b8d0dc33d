package dev.confab.media.rtp.cc;

import dev.confab.media.rtcp.PacketStatus;
import dev.confab.media.rtcp.TransportFeedback;
import dev.confab.media.rtp.SeqNum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sender's side of transport-cc: hands out transport-wide sequence numbers, remembers each packet's send time and
 * size in a ring of the last {@link #CAPACITY}, and matches feedback to them. Feedback sequence numbers are taken
 * nearest the newest sent; the receiver's 24-bit reference time is extended across its wrap, so arrival times from
 * successive messages share one clock. A packet is reported once received (repeats are left out); one reported lost
 * may be reported again when it arrives late. Numbers not in the ring (too old, never sent) are counted and skipped.
 *
 * <p>Thread contract: one thread at a time (the caller serializes sends and feedback).
 */
public final class SentPacketHistory {
    /** Packets remembered: several seconds at video rates. */
    public static final int CAPACITY = 8192;

    private static final byte FREE = 0;
    private static final byte SENT = 1;
    private static final byte LOST = 2;
    private static final byte RECEIVED = 3;
    private static final long REFERENCE_TICK_NANOS = TransportFeedback.REFERENCE_TICK_MICROS * 1000L;
    private static final long DELTA_TICK_NANOS = TransportFeedback.DELTA_TICK_MICROS * 1000L;

    private final long[] sequence = new long[CAPACITY];
    private final long[] sendNanos = new long[CAPACITY];
    private final int[] size = new int[CAPACITY];
    private final byte[] state = new byte[CAPACITY];
    private long next;
    private boolean referenceKnown;
    private long reference;
    private long unknown;

    public SentPacketHistory() {
        Arrays.fill(sequence, -1);
    }

    /**
     * Remembers a packet sent now and returns the 16-bit transport-wide sequence number to write into it.
     *
     * @param sizeBytes the packet's size on the wire as the estimate should count it (RTP header and payload; the
     *                  SRTP tag may be included or not, as long as it is done the same way for every packet)
     */
    public int onPacketSent(int sizeBytes, long nowNanos) {
        long seq = next++;
        int slot = slot(seq);
        sequence[slot] = seq;
        sendNanos[slot] = nowNanos;
        size[slot] = sizeBytes;
        state[slot] = SENT;
        return (int) (seq & 0xffff);
    }

    /**
     * Hands out the next transport-wide sequence number (16 bits) for a packet whose size is known only once it is
     * written; {@link #onReservedSent} records it when it leaves. A number reserved and never recorded reads as
     * unknown in feedback, not as lost.
     */
    public int reserve() {
        long seq = next++;
        int slot = slot(seq);
        sequence[slot] = seq;
        state[slot] = FREE;
        return (int) (seq & 0xffff);
    }

    /** Records the packet that carries {@code transportSequence}, given by {@link #reserve}, as sent now. */
    public void onReservedSent(int transportSequence, int sizeBytes, long nowNanos) {
        long newest = next - 1;
        long seq = newest + SeqNum.diff(transportSequence & 0xffff, (int) (newest & 0xffff));
        int slot = slot(seq);
        if (seq < 0 || sequence[slot] != seq || state[slot] != FREE) {
            return;
        }
        sendNanos[slot] = nowNanos;
        size[slot] = sizeBytes;
        state[slot] = SENT;
    }

    /** The packets {@code feedback} reports, matched to what was sent; it arrived at {@code nowNanos}. */
    public FeedbackReport onFeedback(TransportFeedback feedback, long nowNanos) {
        long arrival = referenceNanos(feedback.referenceTime());
        long newestSent = next - 1;
        long base = newestSent + SeqNum.diff(feedback.baseSequence(), (int) (newestSent & 0xffff));
        List<PacketResult> results = new ArrayList<>(feedback.statusCount());
        long newestReceivedSend = Long.MIN_VALUE;
        int delta = 0;
        for (int i = 0; i < feedback.statusCount(); i++) {
            long seq = base + i;
            boolean received = feedback.status(i) != PacketStatus.NOT_RECEIVED;
            if (received) {
                arrival += feedback.delta(delta++) * DELTA_TICK_NANOS;
            }
            int slot = slot(seq);
            if (seq < 0 || seq > newestSent || sequence[slot] != seq || state[slot] == FREE) {
                unknown++;
                continue;
            }
            if (state[slot] == RECEIVED || !received && state[slot] == LOST) {
                continue;
            }
            state[slot] = received ? RECEIVED : LOST;
            results.add(new PacketResult(seq, size[slot], sendNanos[slot], received ? arrival : PacketResult.LOST));
            if (received) {
                newestReceivedSend = Math.max(newestReceivedSend, sendNanos[slot]);
            }
        }
        long roundTrip = newestReceivedSend == Long.MIN_VALUE ? -1 : Math.max(0, nowNanos - newestReceivedSend);
        return new FeedbackReport(results, nowNanos, roundTrip);
    }

    /** Feedback statuses for sequence numbers not (or no longer) in the history. */
    public long unknown() {
        return unknown;
    }

    private long referenceNanos(int referenceTime) {
        if (!referenceKnown) {
            referenceKnown = true;
            reference = referenceTime;
        } else {
            reference += (referenceTime - reference) << 40 >> 40;
        }
        return reference * REFERENCE_TICK_NANOS;
    }

    private static int slot(long seq) {
        return (int) (seq & (CAPACITY - 1));
    }
}
