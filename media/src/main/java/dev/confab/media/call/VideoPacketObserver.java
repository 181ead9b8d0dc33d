package dev.confab.media.call;

/**
 * Hears of each video RTP packet the transport took, as it leaves: what a send-side bandwidth estimator (transport-cc)
 * matches against the peer's feedback. Called on the video encoder thread; must return quickly and not block.
 */
@FunctionalInterface
interface VideoPacketObserver {
    /** Observes nothing. */
    VideoPacketObserver NONE = (transportSequence, ssrc, sequence, bytes, sendNanos, retransmission) -> { };

    /**
     * A packet went out.
     *
     * @param transportSequence its transport-wide sequence number (16 bits), or -1 if the extension is not negotiated
     * @param ssrc              the SSRC it went on (the RTX SSRC for a retransmission as RTX)
     * @param sequence          its RTP sequence number on that SSRC
     * @param bytes             its RTP length, header included, before SRTP
     * @param sendNanos         when it was handed to the transport, by {@link System#nanoTime()}
     * @param retransmission    whether it answers a NACK
     */
    void sent(int transportSequence, int ssrc, int sequence, int bytes, long sendNanos, boolean retransmission);
}
