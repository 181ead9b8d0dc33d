package dev.confab.client.selftest;

import dev.confab.media.audio.opus.OpusDecoder;
import dev.confab.media.audio.opus.OpusEncoder;
import dev.confab.media.audio.opus.OpusEncoderConfig;
import dev.confab.media.audio.opus.OpusError;
import dev.confab.media.audio.opus.OpusLibrary;
import dev.confab.media.audio.opus.OpusPackets;

/**
 * The Opus codec: 100 ms of a 440 Hz tone encoded and decoded in 20 ms frames, as a call's microphone path does; the
 * last decoded frame must still be that tone (its loudness within a factor of two, its zero crossings those of
 * 440 Hz). Stateless.
 */
final class OpusCheck {
    private static final int FRAMES = 5;
    private static final double HERTZ = 440;
    private static final double AMPLITUDE = 8_000;

    private OpusCheck() {}

    static Finding run() {
        OpusEncoderConfig config = OpusEncoderConfig.DEFAULT;
        int samples = config.frameSamples();
        short[] pcm = new short[samples];
        short[] decoded = new short[samples];
        byte[] packet = new byte[OpusEncoder.MAX_PACKET_BYTES];
        try (OpusEncoder encoder = OpusEncoder.create(config); OpusDecoder decoder = OpusDecoder.create(1)) {
            for (int frame = 0; frame < FRAMES; frame++) {
                for (int i = 0; i < samples; i++) {
                    double t = (frame * samples + i) / (double) OpusPackets.SAMPLE_RATE;
                    pcm[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * HERTZ * t));
                }
                int length = encoder.encode(pcm, 0, packet, 0, packet.length);
                if (length < 0) {
                    return Finding.fail("libopus could not encode a frame: " + OpusError.of(length));
                }
                int got = decoder.decode(packet, 0, length, decoded, 0, samples);
                if (got != samples) {
                    return Finding.fail("libopus decoded " + (got < 0 ? OpusError.of(got) : got + " samples")
                            + " from a 20 ms frame");
                }
            }
        }
        double rms = rms(decoded);
        int crossings = zeroCrossings(decoded);
        double expectedCrossings = 2 * HERTZ * samples / OpusPackets.SAMPLE_RATE;
        if (rms < AMPLITUDE / Math.sqrt(2) / 2 || rms > AMPLITUDE / Math.sqrt(2) * 2
                || Math.abs(crossings - expectedCrossings) > 3) {
            return Finding.fail(String.format("a 440 Hz tone came out of Opus changed (RMS %.0f, %d zero crossings"
                    + " in 20 ms)", rms, crossings));
        }
        OpusLibrary library = OpusLibrary.get();
        return Finding.ok("encode+decode 100 ms of a 440 Hz tone (" + library.version() + " from " + library.path() + ")");
    }

    private static double rms(short[] pcm) {
        double sum = 0;
        for (short sample : pcm) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / pcm.length);
    }

    private static int zeroCrossings(short[] pcm) {
        int crossings = 0;
        for (int i = 1; i < pcm.length; i++) {
            if ((pcm[i - 1] < 0) != (pcm[i] < 0)) {
                crossings++;
            }
        }
        return crossings;
    }
}
