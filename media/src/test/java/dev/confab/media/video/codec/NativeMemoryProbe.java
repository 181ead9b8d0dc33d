package dev.confab.media.video.codec;

import dev.confab.media.video.convert.FrameConverter;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.TestPattern;
import org.bytedeco.javacpp.Pointer;

/**
 * Run in a JVM of its own by {@link Vp8NativeMemoryTest} (a fixed, pre-touched heap and one malloc arena, so that
 * the process's resident memory moves only with native allocations): for each scenario asked for, warms up, then runs
 * it many times and prints how much the resident set grew, as {@code rss-growth <scenario> <bytes>}.
 */
final class NativeMemoryProbe {
    private NativeMemoryProbe() {}

    /** Arguments: triples of scenario name, warm-up runs, counted runs. */
    public static void main(String[] args) {
        for (int i = 0; i + 2 < args.length; i += 3) {
            Runnable scenario = switch (args[i]) {
                case "frames" -> framesScenario();
                case "lifecycles" -> NativeMemoryProbe::lifecycle;
                case "damaged" -> damagedScenario();
                default -> throw new IllegalArgumentException("no scenario " + args[i]);
            };
            for (int run = Integer.parseInt(args[i + 1]); run > 0; run--) {
                scenario.run();
            }
            long before = settledRss();
            for (int run = Integer.parseInt(args[i + 2]); run > 0; run--) {
                scenario.run();
            }
            System.out.println("rss-growth " + args[i] + " " + (settledRss() - before));
        }
    }

    /** One frame through one long-lived encoder and decoder: a leak per frame adds up. */
    private static Runnable framesScenario() {
        FrameSize size = new FrameSize(320, 240);
        TestPattern pattern = new TestPattern(size, 30);
        I420Frame picture = I420Frame.allocate(size);
        I420Frame decoded = I420Frame.allocate(size);
        EncodedFrame encoded = new EncodedFrame(64 * 1024);
        Vp8Encoder encoder = Vp8Encoder.open(Vp8EncoderConfig.realtime(size, 30, 1_000_000));
        Vp8Decoder decoder = Vp8Decoder.open();
        long[] n = {0};
        return () -> {
            Vp8Streams.patternFrame(pattern, n[0]++, picture);
            if (n[0] % 100 == 0) {
                encoder.setBitrate(n[0] % 200 == 0 ? 1_000_000 : 900_000);
            }
            encoder.encode(picture, encoded);
            decoder.decode(encoded, decoded);
        };
    }

    /** A keyframe, then that keyframe cut short, then garbage behind its header: the failure paths, over and over. */
    private static Runnable damagedScenario() {
        byte[] keyframe = Vp8Streams.encode(new FrameSize(320, 240), 30, 500_000, 1).getFirst();
        byte[] garbage = keyframe.clone();
        for (int i = Vp8FrameHeader.KEYFRAME_HEADER_BYTES; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31);
        }
        I420Frame decoded = I420Frame.allocate(new FrameSize(320, 240));
        Vp8Decoder decoder = Vp8Decoder.open();
        return () -> {
            decoder.decode(keyframe, 0, keyframe.length, decoded);
            decoder.decode(keyframe, 0, keyframe.length / 2, decoded);
            decoder.decode(garbage, 0, garbage.length, decoded);
        };
    }

    /** Open, use and close an encoder, a decoder and a converter: a leak per lifetime adds up. */
    private static void lifecycle() {
        FrameSize size = new FrameSize(640, 480);
        I420Frame picture = I420Frame.allocate(size);
        I420Frame decoded = I420Frame.allocate(size);
        EncodedFrame encoded = new EncodedFrame(64 * 1024);
        try (Vp8Encoder encoder = Vp8Encoder.open(Vp8EncoderConfig.realtime(size, 30, 1_000_000));
                Vp8Decoder decoder = Vp8Decoder.open();
                FrameConverter converter = new FrameConverter()) {
            for (int i = 0; i < 3; i++) {
                picture.setCaptureTimeMicros(i * 33_333L);
                encoder.encode(picture, encoded);
                decoder.decode(encoded, decoded);
            }
            encoder.setBitrate(500_000);
            encoder.reconfigure(new FrameSize(320, 240), 30);
            converter.scale(decoded, I420Frame.allocate(new FrameSize(320, 240)));
            converter.i420ToArgb(decoded, new int[size.pixels()], size);
            converter.bgr24ToI420(new byte[size.pixels() * 3], size, picture);
        }
    }

    private static long settledRss() {
        System.gc();
        return Pointer.physicalBytes();
    }
}
