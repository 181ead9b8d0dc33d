package dev.confab.media.call;

import dev.confab.media.audio.jitter.FrameDecoder;
import dev.confab.media.audio.opus.OpusDecoder;
import dev.confab.media.audio.opus.OpusEncoder;
import dev.confab.media.audio.opus.OpusPackets;

/**
 * Opus behind the jitter buffer's {@link FrameDecoder}: mono 48 kHz decoding, PLC, and FEC from the next packet. A
 * FEC request for a length Opus cannot decode (not a multiple of 2.5 ms) is declined, so the buffer conceals instead.
 *
 * <p>Thread contract: the playout thread only (the jitter buffer calls it from {@code pull}), and {@link #close}
 * under the same lock as those calls.
 */
final class OpusFrameDecoder implements FrameDecoder, AutoCloseable {
    private static final int MAX_SAMPLES = 5760;
    private static final int SAMPLES_PER_2_5_MS = 120;

    private final OpusDecoder decoder = OpusDecoder.create(1);

    @Override
    public int samples(byte[] packet, int off, int len) {
        return OpusPackets.samples(packet, off, len);
    }

    @Override
    public boolean isDtx(byte[] packet, int off, int len) {
        return len <= OpusEncoder.DTX_PACKET_MAX_BYTES;
    }

    @Override
    public int decode(byte[] packet, int off, int len, short[] out, int outOff) {
        return decoder.decode(packet, off, len, out, outOff, Math.min(MAX_SAMPLES, out.length - outOff));
    }

    @Override
    public int decodeFec(byte[] next, int off, int len, short[] out, int outOff, int samples) {
        if (samples <= 0 || samples % SAMPLES_PER_2_5_MS != 0 || samples > MAX_SAMPLES) {
            return -1;
        }
        return decoder.decodeFec(next, off, len, out, outOff, samples);
    }

    @Override
    public int conceal(short[] out, int outOff, int samples) {
        return decoder.conceal(out, outOff, samples);
    }

    @Override
    public void close() {
        decoder.close();
    }
}
