package dev.confab.media.video.codec;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.FrameStamp;
import dev.confab.media.video.pattern.TestPattern;
import java.util.ArrayList;
import java.util.List;

/** Test streams: the test pattern encoded with the realtime settings, frame by frame. */
final class Vp8Streams {
    /** Capture times of the stamped frames start here (ms since the epoch, 2025). */
    static final long START_MILLIS = 1_750_000_000_000L;

    private Vp8Streams() {}

    /** The stamp of frame {@code n} of a stream at {@code frameRate}. */
    static FrameStamp stamp(long n, int frameRate) {
        return new FrameStamp(n, START_MILLIS + n * 1000 / frameRate);
    }

    /** Pattern frame {@code n}, its capture time from its stamp. */
    static I420Frame patternFrame(TestPattern pattern, long n, I420Frame out) {
        FrameStamp stamp = stamp(n, pattern.frameRate());
        pattern.render(stamp, out);
        out.setCaptureTimeMicros(stamp.captureMillis() * 1000);
        return out;
    }

    /** {@code frames} frames of the pattern at {@code size}, encoded at {@code bitrate}; keyframes where asked. */
    static List<byte[]> encode(FrameSize size, int frameRate, int bitrate, int frames, int... keyframesAt) {
        TestPattern pattern = new TestPattern(size, frameRate);
        I420Frame picture = I420Frame.allocate(size);
        EncodedFrame encoded = new EncodedFrame(size.i420Bytes());
        List<byte[]> stream = new ArrayList<>();
        try (Vp8Encoder encoder = Vp8Encoder.open(Vp8EncoderConfig.realtime(size, frameRate, bitrate))) {
            for (int n = 0; n < frames; n++) {
                for (int at : keyframesAt) {
                    if (at == n) {
                        encoder.requestKeyframe();
                    }
                }
                if (encoder.encode(patternFrame(pattern, n, picture), encoded)) {
                    stream.add(encoded.toByteArray());
                }
            }
        }
        return stream;
    }
}
