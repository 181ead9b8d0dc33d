package dev.confab.bench.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.video.frame.FrameSize;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class IvfTest {
    private static final byte[] TWO_FRAMES = HexFormat.of().parseHex(""
            + "444b4946" + "0000" + "2000" // "DKIF", version 0, header 32 bytes
            + "56503830" + "8002" + "e001" // "VP80", 640 x 480
            + "1e000000" + "01000000" // time base 1/30
            + "02000000" + "00000000" // 2 frames, unused
            + "03000000" + "0000000000000000" + "010203" // 3 bytes at 0
            + "01000000" + "0100000000000000" + "04"); // 1 byte at 1

    @Test
    void aFileHasTheIvfHeaderThenEachFrameBehindItsSizeAndTimestamp() {
        assertThat(Ivf.bytes(List.of(new byte[] {1, 2, 3}, new byte[] {4}), new FrameSize(640, 480), 30))
                .isEqualTo(TWO_FRAMES);
    }

    @Test
    void theFramesAreReadBack() {
        assertThat(Ivf.frames(TWO_FRAMES)).containsExactly(new byte[] {1, 2, 3}, new byte[] {4});
    }

    @Test
    void aFileCutShortInAFrameIsRefused() {
        assertThatThrownBy(() -> Ivf.frames(Arrays.copyOf(TWO_FRAMES, TWO_FRAMES.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 bytes with 0 left");
    }

    @Test
    void aFileCutShortInAFrameHeaderIsRefused() {
        assertThatThrownBy(() -> Ivf.frames(Arrays.copyOf(TWO_FRAMES, 32 + 15 + 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame header");
    }

    @Test
    void aFileWithoutTheSignatureIsRefused() {
        byte[] file = TWO_FRAMES.clone();
        file[0] = 'X';
        assertThatThrownBy(() -> Ivf.frames(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DKIF");
    }

    @Test
    void aHeaderLongerThanTheFileIsRefused() {
        byte[] file = TWO_FRAMES.clone();
        file[6] = (byte) 0xff;
        assertThatThrownBy(() -> Ivf.frames(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IVF header of");
    }
}
