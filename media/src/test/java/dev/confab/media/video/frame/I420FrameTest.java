package dev.confab.media.video.frame;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class I420FrameTest {
    @Test
    void planesFollowEachOtherTightly() {
        I420Frame frame = I420Frame.allocate(new FrameSize(5, 3));
        assertThat(frame.yOffset()).isZero();
        assertThat(frame.uOffset()).isEqualTo(15);
        assertThat(frame.vOffset()).isEqualTo(21);
        assertThat(frame.yStride()).isEqualTo(5);
        assertThat(frame.chromaStride()).isEqualTo(3);
        assertThat(frame.luma(4, 2)).as("allocated black").isEqualTo(16);
        assertThat(frame.data()[frame.uOffset()]).isEqualTo((byte) 128);
    }

    @Test
    void resizingDownKeepsTheArrayAndUpGrowsIt() {
        I420Frame frame = I420Frame.allocate(new FrameSize(64, 48));
        byte[] array = frame.data();
        frame.resize(new FrameSize(32, 24));
        assertThat(frame.data()).isSameAs(array);
        assertThat(frame.uOffset()).isEqualTo(32 * 24);
        frame.resize(new FrameSize(128, 96));
        assertThat(frame.data()).isNotSameAs(array).hasSizeGreaterThanOrEqualTo(128 * 96 * 3 / 2);
    }

    @Test
    void copiesSizePlanesAndTime() {
        I420Frame source = I420Frame.allocate(new FrameSize(6, 4));
        source.fill(200, 60, 70);
        source.setCaptureTimeMicros(1234);
        I420Frame copy = I420Frame.allocate(new FrameSize(640, 480));
        copy.copyFrom(source);
        assertThat(copy.size()).isEqualTo(source.size());
        assertThat(copy.captureTimeMicros()).isEqualTo(1234);
        assertThat(Psnr.all(copy, source)).isInfinite();
    }
}
