package dev.confab.media.video.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;

/**
 * Jazzer fuzz target for what a received video frame goes through: after a valid keyframe (so that delta frames are
 * decoded, not just skipped) the decoder answers any bytes with a status, never throws or crashes, and a decoded
 * picture is within its limit. The seeds (this test's Inputs directory) are a 128x96 keyframe of the test pattern, the
 * delta frame after it, and that keyframe claiming to be 16383 pixels wide. Jazzer guides by the Java code only;
 * {@link Vp8DecoderMutationTest} damages whole streams.
 */
class Vp8DecoderFuzzTest {
    private static final FrameSize LIMIT = new FrameSize(640, 480);
    private static final Vp8Decoder DECODER = Vp8Decoder.open(LIMIT);
    private static final byte[] KEYFRAME = Vp8Streams.encode(new FrameSize(128, 96), 30, 200_000, 1).getFirst();
    private static final I420Frame OUT = I420Frame.allocate(new FrameSize(128, 96));

    @FuzzTest(maxDuration = "3m")
    void decode(byte[] frame) {
        assertThat(DECODER.decode(KEYFRAME, 0, KEYFRAME.length, OUT)).isEqualTo(DecodeStatus.DECODED);
        DecodeStatus status = DECODER.decode(frame, 0, frame.length, OUT);
        assertThat(status).isNotNull();
        assertThat(OUT.width()).isLessThanOrEqualTo(LIMIT.width());
        assertThat(OUT.height()).isLessThanOrEqualTo(LIMIT.height());
    }
}
