package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Audio first, video the rest less its overhead. */
class BitrateAllocatorTest {
    private final BitrateAllocator allocator = new BitrateAllocator(40_000, 0.1);

    @Test
    void audioGetsItsRateFirst() {
        assertThat(allocator.allocate(30_000)).isEqualTo(new BitrateAllocation(30_000, 0, 0));
        assertThat(allocator.allocate(40_000)).isEqualTo(new BitrateAllocation(40_000, 0, 0));
    }

    @Test
    void videoGetsTheRestAndTheEncoderThatLessTheOverhead() {
        assertThat(allocator.allocate(540_000)).isEqualTo(new BitrateAllocation(40_000, 500_000, 450_000));
    }

    @Test
    void withoutAudioVideoGetsEverything() {
        assertThat(new BitrateAllocator(0, 0).allocate(300_000)).isEqualTo(new BitrateAllocation(0, 300_000,
                300_000));
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new BitrateAllocator(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BitrateAllocator(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
