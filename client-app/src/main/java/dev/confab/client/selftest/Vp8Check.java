package dev.confab.client.selftest;

import dev.confab.media.video.codec.DecodeStatus;
import dev.confab.media.video.codec.EncodedFrame;
import dev.confab.media.video.codec.Vp8Decoder;
import dev.confab.media.video.codec.Vp8Encoder;
import dev.confab.media.video.codec.Vp8EncoderConfig;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.frame.Psnr;
import dev.confab.media.video.pattern.FrameStamp;
import dev.confab.media.video.pattern.StampCode;
import dev.confab.media.video.pattern.TestPatternSource;
import java.time.Clock;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * The VP8 codec: one 320x240 test-pattern picture encoded with libvpx and decoded with FFmpeg's decoder, as a call's
 * video does; the decoded picture must carry the same frame stamp and resemble the original (luma PSNR of at least
 * {@value #MIN_PSNR} dB). Stateless.
 */
final class Vp8Check {
    private static final FrameSize SIZE = new FrameSize(320, 240);
    private static final double MIN_PSNR = 25;

    private Vp8Check() {}

    static Finding run() {
        I420Frame picture = I420Frame.allocate(SIZE);
        FrameStamp stamp = new TestPatternSource(SIZE, 30, Clock.systemUTC()).next(picture);
        I420Frame decoded = I420Frame.allocate(SIZE);
        EncodedFrame frame = new EncodedFrame(SIZE.i420Bytes());
        try (Vp8Encoder encoder = Vp8Encoder.open(Vp8EncoderConfig.realtime(SIZE, 30, 500_000));
                Vp8Decoder decoder = Vp8Decoder.open()) {
            if (!encoder.encode(picture, frame)) {
                return Finding.fail("libvpx produced no frame for a picture");
            }
            DecodeStatus status = decoder.decode(frame, decoded);
            if (status != DecodeStatus.DECODED) {
                return Finding.fail("a VP8 keyframe of " + frame.length() + " bytes did not decode: " + status);
            }
        }
        double psnr = Psnr.luma(picture, decoded);
        if (!StampCode.read(decoded).equals(Optional.of(stamp)) || psnr < MIN_PSNR) {
            return Finding.fail(String.format("a VP8 frame decoded to another picture (luma PSNR %.1f dB)", psnr));
        }
        return Finding.ok(String.format("encode+decode one %s test-pattern frame, %d bytes, luma PSNR %.1f dB"
                + " (libvpx through FFmpeg %s)", SIZE, frame.length(), psnr, avutil.av_version_info().getString()));
    }
}
