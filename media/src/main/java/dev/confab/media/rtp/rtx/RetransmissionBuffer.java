package dev.confab.media.rtp.rtx;

import dev.confab.media.rtp.BigEndian;
import dev.confab.media.rtp.RtpPacketReader;
import java.util.Arrays;

/**
 * The sender's copy of the media packets it sent, by sequence number, for answering NACKs (RFC 4585 section 6.2.1),
 * as WebRTC's RtpPacketHistory keeps them: the plain RTP packets (before SRTP) of one SSRC, each stored as it goes out
 * and resent on request. A packet is held until the one {@link RetransmissionBufferConfig#capacity()} sequence numbers
 * later takes its slot, and resent only within {@link RetransmissionBufferConfig#maxAgeNanos()} (or three round trips,
 * if longer) of its first sending. A packet already resent is not resent again within a round trip (at least 5 ms,
 * {@link #MIN_RESEND_INTERVAL_NANOS}): the first copy is likely still on its way, and a receiver that asks again
 * before it could have arrived would otherwise double the cost of every loss.
 *
 * <p>Memory is fixed by the config: each slot's array is made on its first use and kept, so steady state allocates
 * nothing. Refusals are returned as statuses and counted ({@link #stats()}); nothing throws for a request.
 *
 * <p>Thread contract: one thread at a time (the stream's send queue), which also feeds it the round trip.
 */
public final class RetransmissionBuffer {
    /** The shortest time between two retransmissions of one packet, whatever the round trip. */
    public static final long MIN_RESEND_INTERVAL_NANOS = 5_000_000L;
    private static final int EMPTY = -1;
    private static final long NEVER = Long.MIN_VALUE;
    private static final long UNKNOWN = -1;
    private static final int ROUND_TRIPS_KEPT = 3;

    private final RetransmissionBufferConfig config;
    private final int mask;
    private final int[] sequence;
    private final long[] firstSent;
    private final long[] lastResent;
    private final int[] length;
    private final byte[][] data;
    private long roundTrip = UNKNOWN;
    private long stored;
    private long refusedToStore;
    private long resent;
    private long resentBytes;
    private long notStored;
    private long tooOld;
    private long resentRecently;

    public RetransmissionBuffer(RetransmissionBufferConfig config) {
        this.config = config;
        this.mask = config.capacity() - 1;
        this.sequence = new int[config.capacity()];
        this.firstSent = new long[config.capacity()];
        this.lastResent = new long[config.capacity()];
        this.length = new int[config.capacity()];
        this.data = new byte[config.capacity()][];
        Arrays.fill(sequence, EMPTY);
    }

    /**
     * Keeps a copy of the RTP packet {@code buf[off, off + len)}, sent at {@code sentNanos}, under its sequence
     * number, replacing what that slot held. Returns 0, or a negative status that {@link RtxFailure#of(int)}
     * explains: {@link RtxFailure#MALFORMED_RTP} (shorter than an RTP header or not version 2),
     * {@link RtxFailure#TOO_LONG} or {@link RtxFailure#INVALID_ARGUMENT}.
     */
    public int store(byte[] buf, int off, int len, long sentNanos) {
        if (BigEndian.outside(buf, off, len)) {
            return RtxFailure.INVALID_ARGUMENT.status();
        }
        if (len < RtpPacketReader.FIXED_HEADER || (buf[off] & 0xc0) != 0x80) {
            refusedToStore++;
            return RtxFailure.MALFORMED_RTP.status();
        }
        if (len > config.maxPacketBytes()) {
            refusedToStore++;
            return RtxFailure.TOO_LONG.status();
        }
        int seq = BigEndian.u16(buf, off + 2);
        int slot = seq & mask;
        if (data[slot] == null) {
            data[slot] = new byte[config.maxPacketBytes()];
        }
        System.arraycopy(buf, off, data[slot], 0, len);
        sequence[slot] = seq;
        firstSent[slot] = sentNanos;
        lastResent[slot] = NEVER;
        length[slot] = len;
        stored++;
        return 0;
    }

    /**
     * Copies the packet with sequence number {@code seq} to {@code dst[off..]} (room up to {@code off + capacity}) to
     * be resent at {@code nowNanos}, and notes that it was. Returns its length, or a negative status that
     * {@link RtxFailure#of(int)} explains: {@link RtxFailure#NOT_STORED}, {@link RtxFailure#TOO_OLD},
     * {@link RtxFailure#RESENT_RECENTLY}, {@link RtxFailure#BUFFER_TOO_SMALL} or {@link RtxFailure#INVALID_ARGUMENT}.
     */
    public int resend(int seq, long nowNanos, byte[] dst, int off, int capacity) {
        if (seq < 0 || seq > 0xffff || BigEndian.outside(dst, off, capacity)) {
            return RtxFailure.INVALID_ARGUMENT.status();
        }
        int slot = seq & mask;
        if (sequence[slot] != seq) {
            notStored++;
            return RtxFailure.NOT_STORED.status();
        }
        if (nowNanos - firstSent[slot] > maxAge()) {
            tooOld++;
            return RtxFailure.TOO_OLD.status();
        }
        if (lastResent[slot] != NEVER && nowNanos - lastResent[slot] < resendInterval()) {
            resentRecently++;
            return RtxFailure.RESENT_RECENTLY.status();
        }
        if (length[slot] > capacity) {
            return RtxFailure.BUFFER_TOO_SMALL.status();
        }
        System.arraycopy(data[slot], 0, dst, off, length[slot]);
        lastResent[slot] = nowNanos;
        resent++;
        resentBytes += length[slot];
        return length[slot];
    }

    /** The path's round trip as RTCP measured it ({@code dev.confab.media.rtcp.RoundTripTime}), 0 or more. */
    public void setRoundTrip(long roundTripNanos) {
        if (roundTripNanos < 0) {
            throw new IllegalArgumentException("a round trip is not negative: " + roundTripNanos);
        }
        roundTrip = roundTripNanos;
    }

    public RetransmissionStats stats() {
        return new RetransmissionStats(stored, refusedToStore, resent, resentBytes, notStored, tooOld,
                resentRecently);
    }

    private long maxAge() {
        return roundTrip == UNKNOWN ? config.maxAgeNanos()
                : Math.max(config.maxAgeNanos(), ROUND_TRIPS_KEPT * roundTrip);
    }

    private long resendInterval() {
        return roundTrip == UNKNOWN ? MIN_RESEND_INTERVAL_NANOS : Math.max(MIN_RESEND_INTERVAL_NANOS, roundTrip);
    }
}
