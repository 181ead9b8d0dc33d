package dev.confab.media.audio.jitter;

/**
 * Where playout stands in the received stream, in extended (unwrapped) sequence numbers and timestamps: shared by the
 * {@link PacketIntake}, which places packets relative to it, and {@link Playout}, which moves it. Playout thread only.
 */
final class StreamPosition {
    /** A first packet has been seen since creation or the last restart. */
    boolean started;
    /** Playout of the stream has begun (the start delay has passed). */
    boolean playing;
    /** The sequence number to play next. */
    long nextSeq;
    /** The timestamp of the next sample to play. */
    long playTs;
    /** The highest sequence number stored, and its timestamp and duration in samples. */
    long highestSeq;
    long highestTs;
    int packetSamples = Playout.FRAME;
    /** Samples played out before playing began, counting the start delay. */
    int waitedSamples;
    /** Concealment played while nothing was buffered, not yet matched against the packets it stood in for. */
    long underflowConcealed;
    /** The last packet decoded was DTX: an empty buffer means the sender is silent, not that packets are late. */
    boolean inDtx;

    /** Starts the stream afresh at a packet with these 16-bit and 32-bit numbers. */
    void begin(int sequenceNumber, long timestamp) {
        started = true;
        playing = false;
        nextSeq = sequenceNumber;
        highestSeq = sequenceNumber;
        playTs = timestamp;
        highestTs = timestamp;
        waitedSamples = 0;
        underflowConcealed = 0;
        inDtx = false;
    }
}
