package dev.confab.media.video.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

class Vp8DecoderTest {
    private static final FrameSize QVGA = new FrameSize(320, 240);

    @Test
    void aDecoderThatJoinsLateWaitsForTheNextKeyframe() {
        List<byte[]> stream = Vp8Streams.encode(QVGA, 30, 400_000, 30, 20);
        I420Frame out = I420Frame.allocate(new FrameSize(16, 16));
        try (Vp8Decoder decoder = Vp8Decoder.open()) {
            assertThat(decoder.awaitingKeyframe()).isTrue();
            for (int n = 5; n < 20; n++) {
                byte[] frame = stream.get(n);
                assertThat(decoder.decode(frame, 0, frame.length, out)).isEqualTo(DecodeStatus.NEEDS_KEYFRAME);
            }
            assertThat(out.size()).as("untouched").isEqualTo(new FrameSize(16, 16));
            for (int n = 20; n < 30; n++) {
                byte[] frame = stream.get(n);
                assertThat(decoder.decode(frame, 0, frame.length, out)).isEqualTo(DecodeStatus.DECODED);
            }
            assertThat(decoder.awaitingKeyframe()).isFalse();
            assertThat(out.size()).isEqualTo(QVGA);
            assertThat(decoder.skippedFrames()).isEqualTo(15);
            assertThat(decoder.decodedFrames()).isEqualTo(10);
            assertThat(decoder.failedFrames()).isZero();
        }
    }

    @Test
    void refusesPicturesLargerThanItsLimitBeforeDecoding() {
        byte[] vga = Vp8Streams.encode(new FrameSize(640, 480), 30, 500_000, 1).getFirst();
        List<byte[]> qvga = Vp8Streams.encode(QVGA, 30, 300_000, 2);
        I420Frame out = I420Frame.allocate(QVGA);
        try (Vp8Decoder decoder = Vp8Decoder.open(new FrameSize(320, 240))) {
            assertThat(decoder.decode(vga, 0, vga.length, out)).isEqualTo(DecodeStatus.TOO_LARGE);
            assertThat(decoder.decode(new byte[2 * QVGA.i420Bytes() + 1], 0, 2 * QVGA.i420Bytes() + 1, out))
                    .isEqualTo(DecodeStatus.TOO_LARGE);
            assertThat(decoder.failedFrames()).isEqualTo(2);
            for (byte[] frame : qvga) {
                assertThat(decoder.decode(frame, 0, frame.length, out)).isEqualTo(DecodeStatus.DECODED);
            }
        }
    }

    @Test
    void aBrokenKeyframeIsCorruptAndTheDecoderWaitsAgain() {
        List<byte[]> stream = Vp8Streams.encode(QVGA, 30, 400_000, 3);
        byte[] keyframe = stream.get(0);
        I420Frame out = I420Frame.allocate(QVGA);
        try (Vp8Decoder decoder = Vp8Decoder.open()) {
            assertThat(decoder.decode(keyframe, 0, keyframe.length, out)).isEqualTo(DecodeStatus.DECODED);
            assertThat(decoder.decode(keyframe, 0, 12, out)).as("truncated").isEqualTo(DecodeStatus.CORRUPT);
            assertThat(decoder.awaitingKeyframe()).isTrue();
            byte[] delta = stream.get(1);
            assertThat(decoder.decode(delta, 0, delta.length, out)).isEqualTo(DecodeStatus.NEEDS_KEYFRAME);
            assertThat(decoder.decode(keyframe, 0, keyframe.length, out)).isEqualTo(DecodeStatus.DECODED);
            assertThat(decoder.decode(delta, 0, delta.length, out)).isEqualTo(DecodeStatus.DECODED);
        }
    }

    @Test
    void aShortFrameAfterALongOneIsFollowedByZerosAsFfmpegAsks() {
        List<byte[]> stream = Vp8Streams.encode(QVGA, 30, 400_000, 2);
        byte[] keyframe = stream.get(0);
        byte[] delta = stream.get(1);
        assertThat(delta.length).as("a delta frame is shorter than the key frame").isLessThan(keyframe.length - 64);
        I420Frame out = I420Frame.allocate(QVGA);
        try (Vp8Decoder decoder = Vp8Decoder.open()) {
            assertThat(decoder.decode(keyframe, 0, keyframe.length, out)).isEqualTo(DecodeStatus.DECODED);
            assertThat(decoder.decode(delta, 0, delta.length, out)).isEqualTo(DecodeStatus.DECODED);
            assertThat(decoder.paddingAfter(delta.length)).containsOnly(0);
        }
    }

    @Test
    void decodesFromTheMiddleOfAnArray() {
        byte[] keyframe = Vp8Streams.encode(QVGA, 30, 400_000, 1).getFirst();
        byte[] padded = new byte[keyframe.length + 20];
        System.arraycopy(keyframe, 0, padded, 7, keyframe.length);
        I420Frame out = I420Frame.allocate(QVGA);
        try (Vp8Decoder decoder = Vp8Decoder.open()) {
            assertThat(decoder.decode(padded, 7, keyframe.length, out)).isEqualTo(DecodeStatus.DECODED);
            assertThatThrownBy(() -> decoder.decode(padded, 7, padded.length, out))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void aClosedDecoderRefusesWork() {
        Vp8Decoder decoder = Vp8Decoder.open();
        decoder.close();
        decoder.close();
        assertThatThrownBy(() -> decoder.decode(new byte[10], 0, 10, I420Frame.allocate(QVGA)))
                .isInstanceOf(IllegalStateException.class);
    }
}
