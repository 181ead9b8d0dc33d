package dev.confab.media.audio.opus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for what a received RTP payload goes through (RFC 7587: one Opus packet): the Java TOC read must
 * agree with libopus, and the decoder must return a status or exactly the samples the TOC announces, never throw or
 * crash. The seeds (this test's Inputs directory) are Chromium's silence frame, a DTX packet, a code 1 and a code 3
 * packet.
 */
class OpusPacketFuzzTest {
    private static final OpusDecoder DECODER = OpusDecoder.create(1);
    private static final short[] PCM = new short[OpusPackets.MAX_SAMPLES];

    @FuzzTest(maxDuration = "3m")
    void depacketize(byte[] payload) {
        int announced = OpusPackets.samples(payload, 0, payload.length);
        if (payload.length > 0) {
            OpusPacketsTest.assertAgrees(payload, payload.length);
        }
        int decoded = DECODER.decode(payload, 0, payload.length, PCM, 0, PCM.length);
        if (decoded >= 0) {
            assertThat(decoded).isEqualTo(announced);
        } else {
            assertThat(OpusError.of(decoded)).isNotNull();
        }
    }
}
