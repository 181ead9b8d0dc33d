package dev.confab.media.audio.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The jitter buffer's edges: what it plays before any packet, how it refuses packets it cannot hold (no slot free, a
 * bad size, a payload the decoder rejects) and recovers from a stalled playout, and how it reads its configuration.
 */
class AudioJitterBufferTest {
    private static final int FRAME = AudioJitterBuffer.FRAME_SAMPLES;

    private final short[] frame = new short[FRAME];

    @Test
    void beforeTheFirstPacketItPlaysSilence() {
        AudioJitterBuffer buffer = new AudioJitterBuffer(new SyntheticDecoder(), JitterBufferConfig.defaults());
        Arrays.fill(frame, (short) 7);

        assertThat(buffer.pull(frame)).isEqualTo(PlayoutKind.SILENCE);
        assertThat(frame).containsOnly((short) 0);
        assertThat(buffer.stats().concealedMs()).isZero();
    }

    @Test
    void packetsOfNoBytesOrMoreThanASlotHoldsAreRefusedAndCounted() {
        AudioJitterBuffer buffer = new AudioJitterBuffer(new SyntheticDecoder(), JitterBufferConfig.defaults());
        byte[] big = new byte[1501];

        assertThat(buffer.insert(1, 0, 0, big, 0, 0)).isEqualTo(Insertion.BAD_SIZE);
        assertThat(buffer.insert(1, 0, 0, big, 0, big.length)).isEqualTo(Insertion.BAD_SIZE);
        assertThat(buffer.insert(1, 0, 0, big, 1000, 600)).isEqualTo(Insertion.BAD_SIZE);
        assertThat(buffer.insert(1, 0, 0, big, -1, 10)).isEqualTo(Insertion.BAD_SIZE);
        assertThat(buffer.stats().discarded()).isEqualTo(4);
        assertThat(buffer.stats().received()).isZero();
    }

    @Test
    void aStalledPlayoutFillsTheSlotsThenDropsAndCountsAndRecoversWhenItResumes() {
        AudioJitterBuffer buffer = new AudioJitterBuffer(new SyntheticDecoder(), JitterBufferConfig.defaults());
        int queued = 0;
        for (int i = 0; i < 200; i++) {
            if (insertAudio(buffer, i, i * 20_000_000L) == Insertion.QUEUED) {
                queued++;
            }
        }
        assertThat(queued).isEqualTo(128);
        assertThat(buffer.stats().discarded()).isEqualTo(72);

        for (int k = 0; k < 10; k++) {
            buffer.pull(frame);
        }
        JitterBufferStats stats = buffer.stats();
        assertThat(stats.levelMs()).isLessThanOrEqualTo(1000);
        assertThat(insertAudio(buffer, 200, 200 * 20_000_000L)).isEqualTo(Insertion.QUEUED);
        assertThat(stats.discarded()).isGreaterThan(72);
    }

    @Test
    void aPayloadTheDecoderRejectsIsDiscarded() {
        AudioJitterBuffer buffer = new AudioJitterBuffer(new SyntheticDecoder(), JitterBufferConfig.defaults());
        byte[] garbage = {9, 9, 9};

        assertThat(buffer.insert(5, 960, 0, garbage, 0, garbage.length)).isEqualTo(Insertion.QUEUED);
        buffer.pull(frame);

        assertThat(buffer.stats().discarded()).isEqualTo(1);
        assertThat(buffer.stats().received()).isEqualTo(1);
    }

    @Test
    void aDuplicateOfAStoredOrPlayedPacketIsCountedOnce() {
        AudioJitterBuffer buffer = new AudioJitterBuffer(new SyntheticDecoder(), JitterBufferConfig.defaults());
        for (int i = 0; i < 5; i++) {
            insertAudio(buffer, i, i * 20_000_000L);
        }
        insertAudio(buffer, 4, 90_000_000L);
        for (int k = 0; k < 6; k++) {
            buffer.pull(frame);
        }
        insertAudio(buffer, 0, 130_000_000L);
        buffer.pull(frame);

        assertThat(buffer.stats().duplicate()).isEqualTo(2);
        assertThat(buffer.stats().late()).isZero();
    }

    @Test
    void aConfigurationOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new JitterBufferConfig(100, 1500, 60, 0, 500, 1000, 0.95, 0.997))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new JitterBufferConfig(128, 1500, 60, 0, 500, 400, 0.95, 0.997))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JitterBufferConfig(128, 1500, 60, 0, 500, 1000, 1.0, 0.997))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AudioJitterBuffer(new SyntheticDecoder(), JitterBufferConfig.defaults())
                .pull(new short[480])).isInstanceOf(IllegalArgumentException.class);
    }

    private static Insertion insertAudio(AudioJitterBuffer buffer, int index, long arrivalNanos) {
        byte[] payload = SyntheticDecoder.audio(index * (long) FRAME, FRAME, false);
        return buffer.insert(index, index * (long) FRAME, arrivalNanos, payload, 0, payload.length);
    }
}
