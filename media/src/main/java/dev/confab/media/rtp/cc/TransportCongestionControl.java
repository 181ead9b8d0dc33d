package dev.confab.media.rtp.cc;

import dev.confab.media.rtcp.TransportFeedback;

/**
 * The sender's transport-cc in one place: numbers each outgoing packet ({@link SentPacketHistory}) and turns the
 * peer's feedback into a target bitrate ({@link SendSideBandwidthEstimator}).
 *
 * <p>Usage: for every RTP packet sent on the transport (audio, video, retransmissions; while building it, before SRTP
 * protection), call {@link #onPacketSent} with its size and write the returned number as the transport-wide sequence
 * number header extension; for every transport-cc feedback received, call {@link #onFeedback}; read
 * {@link #targetBps()} when allocating. The size should be what leaves in the datagram: RTP header and payload plus the
 * SRTP tag (10 bytes for AES_CM_128_HMAC_SHA1_80, 16 for AEAD_AES_128_GCM); the header's length is fixed per stream,
 * so payload length plus that is exact before the header is written. Take the number when the packet really leaves
 * (after the {@link Pacer}, if one is used), and send every numbered packet (one numbered and not sent reads as lost);
 * two sending threads may put numbers out slightly out of order, which the receiver handles as reordering.
 *
 * <p>Thread contract: safe for concurrent use (sends on one thread, feedback on another); each call holds the
 * object's lock briefly and does no I/O.
 */
public final class TransportCongestionControl {
    private final SentPacketHistory history = new SentPacketHistory();
    private final SendSideBandwidthEstimator estimator;

    public TransportCongestionControl(BandwidthLimits limits) {
        this.estimator = new SendSideBandwidthEstimator(limits);
    }

    /** Notes a packet of {@code sizeBytes} sent now; returns its 16-bit transport-wide sequence number. */
    public synchronized int onPacketSent(int sizeBytes, long nowNanos) {
        return history.onPacketSent(sizeBytes, nowNanos);
    }

    /** Reserves the number of a packet about to be written: see {@link SentPacketHistory#reserve}. */
    public synchronized int reserveSequence() {
        return history.reserve();
    }

    /** Notes the packet with a reserved number as sent now, {@code sizeBytes} long. */
    public synchronized void onReservedSent(int transportSequence, int sizeBytes, long nowNanos) {
        history.onReservedSent(transportSequence, sizeBytes, nowNanos);
    }

    /** Applies a transport-cc feedback message received now; returns the new target. */
    public synchronized long onFeedback(TransportFeedback feedback, long nowNanos) {
        return estimator.onFeedback(history.onFeedback(feedback, nowNanos));
    }

    /** What the sender may send, all streams and overhead counted, in bits per second. */
    public synchronized long targetBps() {
        return estimator.targetBps();
    }

    /** A snapshot of the estimate's parts, for logs and statistics. */
    public synchronized CongestionSnapshot snapshot() {
        return new CongestionSnapshot(estimator.targetBps(), estimator.acknowledgedBps(), estimator.usage(),
                estimator.lossFraction(), estimator.roundTripNanos(), history.unknown());
    }
}
