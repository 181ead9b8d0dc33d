package dev.confab.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.FrameStamp;
import dev.confab.media.video.pattern.StampCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StampedPicturesTest {
    private static final long NOW_MILLIS = 1_790_000_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW_MILLIS), ZoneOffset.UTC);

    @Test
    void timesEachStampedPictureFromItsCaptureToItsHandOver() {
        StampedPictures pictures = new StampedPictures(CLOCK);
        pictures.show(stamped(1, NOW_MILLIS - 80), 0);
        pictures.show(stamped(2, NOW_MILLIS - 45), 3000);

        assertThat(pictures.counts()).isEqualTo("2 640 480");
        assertThat(pictures.samples()).isEqualTo("0 80 45");
    }

    @Test
    void aPictureWithoutAStampIsCountedButNotTimed() {
        StampedPictures pictures = new StampedPictures(CLOCK);
        pictures.show(I420Frame.allocate(new FrameSize(320, 240)), 0);

        assertThat(pictures.counts()).isEqualTo("1 320 240");
        assertThat(pictures.samples()).isEqualTo("1");
    }

    @Test
    void startingTheSamplesAfreshForgetsEarlierTimesButNotTheCount() {
        StampedPictures pictures = new StampedPictures(CLOCK);
        pictures.show(stamped(1, NOW_MILLIS - 80), 0);
        pictures.show(I420Frame.allocate(new FrameSize(640, 480)), 0);
        pictures.startSamples();
        pictures.show(stamped(3, NOW_MILLIS - 30), 6000);

        assertThat(pictures.counts()).isEqualTo("3 640 480");
        assertThat(pictures.samples()).isEqualTo("0 30");
    }

    private static I420Frame stamped(long frameNumber, long captureMillis) {
        I420Frame frame = I420Frame.allocate(new FrameSize(640, 480));
        StampCode.write(new FrameStamp(frameNumber, captureMillis), frame);
        return frame;
    }
}
