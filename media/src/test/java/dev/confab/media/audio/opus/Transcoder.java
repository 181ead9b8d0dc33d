package dev.confab.media.audio.opus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/** Encodes a whole mono signal frame by frame, then decodes the packets back with chosen packets lost. */
final class Transcoder {
    /** How a lost packet is filled in. */
    enum Recovery { PLC, FEC }

    private Transcoder() {}

    /** The packets of {@code pcm} (whole frames only), each trimmed to its length. */
    static List<byte[]> encode(OpusEncoder encoder, short[] pcm) {
        List<byte[]> packets = new ArrayList<>();
        byte[] out = new byte[OpusEncoder.MAX_PACKET_BYTES];
        int frame = encoder.frameSamples();
        for (int off = 0; off + frame <= pcm.length; off += frame) {
            int length = encoder.encode(pcm, off, out, 0, out.length);
            if (length < 0) {
                throw new AssertionError("encode failed: " + OpusError.of(length));
            }
            packets.add(Arrays.copyOf(out, length));
        }
        return packets;
    }

    /** Decodes {@code packets} in order; those {@code lost} selects are concealed or recovered from the next one. */
    static short[] decode(List<byte[]> packets, int frameSamples, IntPredicate lost, Recovery recovery) {
        short[] pcm = new short[packets.size() * frameSamples];
        try (OpusDecoder decoder = OpusDecoder.create(1)) {
            for (int i = 0; i < packets.size(); i++) {
                int off = i * frameSamples;
                int got;
                if (!lost.test(i)) {
                    byte[] p = packets.get(i);
                    got = decoder.decode(p, 0, p.length, pcm, off, frameSamples);
                } else if (recovery == Recovery.FEC && i + 1 < packets.size() && !lost.test(i + 1)) {
                    byte[] next = packets.get(i + 1);
                    got = decoder.decodeFec(next, 0, next.length, pcm, off, frameSamples);
                } else {
                    got = decoder.conceal(pcm, off, frameSamples);
                }
                if (got != frameSamples) {
                    throw new AssertionError("packet " + i + " gave " + got + " samples, not " + frameSamples);
                }
            }
        }
        return pcm;
    }
}
