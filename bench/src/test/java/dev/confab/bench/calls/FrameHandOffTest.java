package dev.confab.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameHandOffTest {
    private final FrameHandOff handOff = new FrameHandOff();
    private final short[] out = new short[Bursts.FRAME];

    @Test
    void playsSilenceWhenNothingWasCaptured() {
        out[0] = 7;
        handOff.fill(out);
        assertThat(out).containsOnly((short) 0);
    }

    @Test
    void handsFramesOnInOrder() {
        handOff.accept(frameOf(1));
        handOff.accept(frameOf(2));
        assertThat(next()).isEqualTo((short) 1);
        assertThat(next()).isEqualTo((short) 2);
        assertThat(next()).isZero();
    }

    @Test
    void dropsTheOldestBeyondTwoFrames() {
        for (int i = 1; i <= 5; i++) {
            handOff.accept(frameOf(i));
        }
        assertThat(next()).isEqualTo((short) 4);
        assertThat(next()).isEqualTo((short) 5);
        assertThat(next()).isZero();
    }

    private short next() {
        handOff.fill(out);
        return out[Bursts.FRAME - 1];
    }

    private static short[] frameOf(int value) {
        short[] frame = new short[Bursts.FRAME];
        Arrays.fill(frame, (short) value);
        return frame;
    }
}
