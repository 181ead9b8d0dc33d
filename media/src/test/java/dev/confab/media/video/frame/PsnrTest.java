package dev.confab.media.video.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PsnrTest {
    private static final FrameSize SIZE = new FrameSize(16, 8);

    @Test
    void identicalPicturesHaveInfinitePsnr() {
        assertThat(Psnr.luma(I420Frame.allocate(SIZE), I420Frame.allocate(SIZE))).isInfinite();
    }

    @Test
    void anErrorOfOneEverywhereIs48Decibels() {
        I420Frame a = I420Frame.allocate(SIZE);
        I420Frame b = I420Frame.allocate(SIZE);
        b.fill(17, 129, 127);
        // 10 log10(255^2 / 1)
        assertThat(Psnr.luma(a, b)).isCloseTo(48.1308, within(1e-4));
        assertThat(Psnr.all(a, b)).isCloseTo(48.1308, within(1e-4));
    }

    @Test
    void allPlanesWeighEverySampleAlike() {
        I420Frame a = I420Frame.allocate(SIZE);
        I420Frame b = I420Frame.allocate(SIZE);
        b.fill(16, 128 + 10, 128);
        assertThat(Psnr.luma(a, b)).isInfinite();
        // 32 of 192 samples off by 10: MSE 100 * 32 / 192
        assertThat(Psnr.all(a, b)).isCloseTo(10 * Math.log10(255.0 * 255 * 192 / (100 * 32)), within(1e-9));
    }

    @Test
    void sizesMustMatch() {
        assertThatThrownBy(() -> Psnr.all(I420Frame.allocate(SIZE), I420Frame.allocate(new FrameSize(8, 8))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
