package dev.confab.media.video.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameSizeTest {
    @Test
    void chromaPlanesRoundUp() {
        FrameSize odd = new FrameSize(5, 3);
        assertThat(odd.chromaWidth()).isEqualTo(3);
        assertThat(odd.chromaHeight()).isEqualTo(2);
        assertThat(odd.i420Bytes()).isEqualTo(15 + 2 * 6);
        assertThat(new FrameSize(640, 480).i420Bytes()).isEqualTo(640 * 480 * 3 / 2);
        assertThat(new FrameSize(640, 480)).hasToString("640x480");
    }

    @Test
    void sidesMustFitVp8() {
        assertThat(new FrameSize(FrameSize.MAX_SIDE, 1).width()).isEqualTo(16_383);
        assertThatThrownBy(() -> new FrameSize(0, 480)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameSize(640, 16_384)).isInstanceOf(IllegalArgumentException.class);
    }
}
