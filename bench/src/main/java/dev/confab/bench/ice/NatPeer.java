package dev.confab.bench.ice;

/**
 * One side of a call set-up across the NAT lab, Confab's ({@link ConfabNatPeer}) or Chromium's
 * ({@link ChromiumNatPeer}), driven by {@link NatConnectTimes} through the same steps: complete descriptions, one
 * offer and one answer. Times are milliseconds from the peer's own time zero (the offerer's: just before it starts
 * gathering; the answerer's: when the offer arrived). Thread contract: one thread drives a peer.
 */
interface NatPeer extends AutoCloseable {

    /** The complete offer, and the offerer's time when it was ready. */
    record Offer(String sdp, double readyMillis) {
    }

    /** The complete answer, and how long the answerer took from the offer to it. */
    record Answer(String sdp, double busyMillis) {
    }

    /** Time zero: gathers with this STUN server ({@code ip:port}) and returns the complete offer. */
    Offer offer(String stun);

    /** Takes the offer and returns the complete answer. */
    Answer answer(String stun, String offerSdp);

    /** The offerer takes the answer; returns its time when it had. */
    double answered(String answerSdp);

    /** Waits until ICE is connected and DTLS done; the offerer's times. */
    ConnectTime times();

    /** Ends the call; the peer is ready for the next one. */
    void hangUp();

    /** Stops the peer's process. */
    @Override
    void close();
}
