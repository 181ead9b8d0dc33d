package dev.confab.media.audio.jitter;

/**
 * The codec as the jitter buffer sees it: 48 kHz mono PCM out of packets, with the codec's own loss concealment and
 * forward error correction (Opus in-band FEC carries the previous frame inside the next packet). The call engine
 * adapts its decoder to this. Called only on the jitter buffer's playout thread, in playout order, so a decoder may
 * keep state between calls (as Opus does to conceal and to smooth the way back from concealment).
 *
 * <p>Every method returns the number of samples written, or a negative number if it could not (a malformed packet,
 * no FEC data); it never throws for bad input. {@code out} always has room for the samples asked for or, in
 * {@link #decode}, for {@link #samples} of the packet.
 */
public interface FrameDecoder {
    /** The duration in samples of the packet, without decoding it; negative if malformed. */
    int samples(byte[] packet, int off, int len);

    /** True if the packet is a DTX frame: the sender is silent and will send (almost) nothing until speech resumes. */
    boolean isDtx(byte[] packet, int off, int len);

    /** Decodes the packet into {@code out} from {@code outOff}. */
    int decode(byte[] packet, int off, int len, short[] out, int outOff);

    /**
     * Recovers the {@code samples} just before {@code nextPacket} from the redundancy carried in it (Opus in-band FEC).
     * Negative when the packet carries none.
     */
    int decodeFec(byte[] nextPacket, int off, int len, short[] out, int outOff, int samples);

    /**
     * Writes {@code samples} of concealment continuing what was decoded last (Opus PLC), or comfort noise if that was a
     * DTX frame. {@code samples} is a multiple of 120 (2.5 ms) unless the stream's own timestamps are not.
     */
    int conceal(short[] out, int outOff, int samples);
}
