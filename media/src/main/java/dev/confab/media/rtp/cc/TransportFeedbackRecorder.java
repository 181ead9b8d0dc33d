package dev.confab.media.rtp.cc;

import dev.confab.media.rtcp.PacketStatus;
import dev.confab.media.rtcp.TransportFeedback;
import dev.confab.media.rtp.Unwrapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The receiver's side of transport-cc (draft-holmer-rmcat-transport-wide-cc-extensions-01 section 3.1): notes the
 * transport-wide sequence number and arrival time of every packet that carries one (any SSRC) and, when asked, turns
 * what arrived since the last call into feedback messages: a base sequence, a reference time in 64 ms units, an 8-bit
 * feedback count, and per sequence number "not received" or a receive delta in 250 us units (each delta from the
 * previous received packet, the first from the reference time; a reordered packet gets a negative delta).
 *
 * <p>Sequence numbers are extended across the 16-bit wrap, each taken nearest the newest. What was reported is not
 * reported again: a packet older than the first unreported sequence number arrives too late and is counted (as a
 * duplicate of one reported received, or late). Memory is fixed by the window: a jump ahead by more than the window
 * forgets the unreported packets it passes (counted), and a packet more than {@link #START_OVER_BEHIND} behind what was
 * reported starts over from it (a sender that restarted its numbers), so one stray or hostile number cannot blind the
 * feedback for more than that many packets. A message holds at most
 * {@link #MAX_RECEIVED_PER_MESSAGE} received packets and {@link #MAX_STATUSES_PER_MESSAGE} statuses (under 1 KiB on
 * the wire); more go in further messages, as does a packet whose delta does not fit 16 bits (over 8 s apart).
 *
 * <p>It has no thread and reads no clock: the caller reports each packet with {@link #onPacket} and calls
 * {@link #buildFeedback} every 50-100 ms, sending what it returns. Steady state allocates only the messages.
 *
 * <p>Thread contract: one thread at a time (the transport's receive queue).
 */
public final class TransportFeedbackRecorder {
    /** Sequence numbers the recorder holds from the first unreported one on. */
    public static final int WINDOW = 4096;
    /** A packet this far behind the first unreported one is taken as a new start, not as a late one. */
    public static final int START_OVER_BEHIND = 512;
    /** At most this many received packets per message. */
    public static final int MAX_RECEIVED_PER_MESSAGE = 200;
    /** At most this many statuses per message. */
    public static final int MAX_STATUSES_PER_MESSAGE = 1400;

    private static final long EMPTY = Long.MIN_VALUE;
    private static final long REFERENCE_TICK_NANOS = TransportFeedback.REFERENCE_TICK_MICROS * 1000L;
    private static final long DELTA_TICK_NANOS = TransportFeedback.DELTA_TICK_MICROS * 1000L;

    private final Unwrapper unwrapper = Unwrapper.forSequenceNumbers();
    /** Per slot: the extended sequence number whose arrival it holds, or EMPTY. */
    private final long[] sequence = new long[WINDOW];
    private final long[] arrival = new long[WINDOW];
    private boolean started;
    /** The first extended sequence number not yet reported. */
    private long nextToReport;
    /** The newest extended sequence number received, below nextToReport when all is reported. */
    private long newest;
    private int feedbackCount;
    private long duplicates;
    private long late;
    private long forgotten;

    public TransportFeedbackRecorder() {
        Arrays.fill(sequence, EMPTY);
    }

    /** Notes a packet carrying transport-wide sequence number {@code transportSequence} (16 bits) that arrived then. */
    public void onPacket(int transportSequence, long arrivalNanos) {
        long seq = unwrapper.unwrap(transportSequence);
        if (!started || seq < nextToReport - START_OVER_BEHIND) {
            started = true;
            nextToReport = seq;
            newest = seq - 1;
        }
        if (seq < nextToReport) {
            if (sequence[slot(seq)] == seq) {
                duplicates++;
            } else {
                late++;
            }
            return;
        }
        if (seq >= nextToReport + WINDOW) {
            long start = seq - WINDOW + 1;
            for (long s = nextToReport; s < start && s <= newest; s++) {
                forgotten += sequence[slot(s)] == s ? 1 : 0;
            }
            nextToReport = start;
        }
        int slot = slot(seq);
        if (sequence[slot] == seq) {
            duplicates++;
            return;
        }
        sequence[slot] = seq;
        arrival[slot] = arrivalNanos;
        newest = Math.max(newest, seq);
    }

    /**
     * Feedback for every packet noted since the last call (none if nothing arrived), from the sequence number after
     * the last reported one to the newest received; each message takes the next feedback count.
     *
     * @param senderSsrc the SSRC this endpoint sends RTCP from
     * @param mediaSsrc  a media SSRC of the peer's (libwebrtc puts the first media SSRC it saw; 0 is accepted too)
     */
    public List<TransportFeedback> buildFeedback(int senderSsrc, int mediaSsrc) {
        List<TransportFeedback> messages = new ArrayList<>(1);
        List<PacketStatus> statuses = new ArrayList<>();
        int[] deltas = new int[MAX_RECEIVED_PER_MESSAGE];
        while (started && nextToReport <= newest) {
            long firstArrival = firstArrivalFrom(nextToReport);
            long reference = Math.floorDiv(firstArrival, REFERENCE_TICK_NANOS);
            long cursor = reference * REFERENCE_TICK_NANOS;
            statuses.clear();
            int received = 0;
            long seq = nextToReport;
            while (seq <= newest && statuses.size() < MAX_STATUSES_PER_MESSAGE && received < MAX_RECEIVED_PER_MESSAGE) {
                int slot = slot(seq);
                if (sequence[slot] != seq) {
                    statuses.add(PacketStatus.NOT_RECEIVED);
                } else {
                    long ticks = Math.floorDiv(arrival[slot] - cursor + DELTA_TICK_NANOS / 2, DELTA_TICK_NANOS);
                    if (ticks != (short) ticks) {
                        break;
                    }
                    statuses.add(PacketStatus.forDelta((int) ticks));
                    deltas[received++] = (int) ticks;
                    cursor += ticks * DELTA_TICK_NANOS;
                }
                seq++;
            }
            messages.add(TransportFeedback.of(senderSsrc, mediaSsrc, (int) (nextToReport & 0xffff),
                    (int) reference << 8 >> 8, feedbackCount, statuses, Arrays.copyOf(deltas, received)));
            feedbackCount = (feedbackCount + 1) & 0xff;
            nextToReport = seq;
        }
        return messages;
    }

    /** Packets that arrived again after being noted. */
    public long duplicates() {
        return duplicates;
    }

    /** Packets that arrived after feedback had reported them missing. */
    public long late() {
        return late;
    }

    /** Received packets never reported because a jump ahead moved the window past them. */
    public long forgotten() {
        return forgotten;
    }

    private long firstArrivalFrom(long seq) {
        for (long s = seq; ; s++) {
            if (sequence[slot(s)] == s) {
                return arrival[slot(s)];
            }
        }
    }

    private static int slot(long seq) {
        return (int) (seq & (WINDOW - 1));
    }
}
