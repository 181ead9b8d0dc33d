package dev.confab.media.audio.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for the jitter buffer: the input is a script of inserts and pulls from one network thread and one
 * playout thread's point of view. Each step's first byte picks it: a multiple of 5 pulls a frame; anything else
 * inserts a packet whose sequence number, timestamp and arrival time move by the next three fields (a signed byte, a
 * signed 16-bit count of 2.5 ms, a signed byte of milliseconds) and whose payload the next byte picks (audio, audio with
 * FEC, DTX, or that many times eight raw bytes). Nothing may throw, counters stay consistent, and every frame pulled
 * has a kind. Memory is fixed at construction, so the script cannot grow it. Seeds: a jittered talk spurt with a
 * loss, wraps with a sender restart, and oversize and garbage payloads.
 */
class AudioJitterBufferFuzzTest {
    private static final int FRAME = AudioJitterBuffer.FRAME_SAMPLES;

    @FuzzTest(maxDuration = "2m")
    void script(byte[] input) {
        AudioJitterBuffer buffer = new AudioJitterBuffer(SyntheticDecoder.withTone(), JitterBufferConfig.defaults());
        short[] frame = new short[FRAME];
        int seq = 0;
        long ts = 0;
        long arrival = 0;
        long inserts = 0;
        int at = 0;
        while (at < input.length) {
            int op = input[at++] & 0xff;
            if (op % 5 == 0) {
                assertThat(buffer.pull(frame)).isNotNull();
                continue;
            }
            if (at + 5 > input.length) {
                break;
            }
            seq = (seq + input[at]) & 0xffff;
            ts = (ts + 120L * (short) ((input[at + 1] << 8) | (input[at + 2] & 0xff))) & 0xffff_ffffL;
            arrival += input[at + 3] * 1_000_000L;
            byte[] payload = payload(input[at + 4] & 0xff, ts);
            at += 5;
            buffer.insert(seq, ts, arrival, payload, 0, payload.length);
            inserts++;
        }
        JitterBufferStats stats = buffer.stats();
        assertThat(stats.received()).isLessThanOrEqualTo(inserts);
        assertThat(stats.played()).isLessThanOrEqualTo(stats.received());
        assertThat(stats.levelMs()).isBetween(0, 5_000);
        assertThat(stats.targetMs()).isBetween(0, 1_000);
        assertThat(stats.longestGapMs()).isLessThanOrEqualTo(stats.concealedMs());
    }

    private static byte[] payload(int choice, long ts) {
        int samples = (choice / 4 % 48 + 1) * 120;
        return switch (choice % 4) {
            case 0 -> SyntheticDecoder.audio(ts, samples, false);
            case 1 -> SyntheticDecoder.audio(ts, samples, true);
            case 2 -> SyntheticDecoder.dtx(samples);
            default -> new byte[choice / 4 * 8];
        };
    }
}
