package dev.confab.media.video.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.frame.Psnr;
import dev.confab.testkit.TestRandom;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeded random damage to real VP8 frames (truncation, bit flips, overwritten bytes, garbage behind a valid header,
 * pure garbage, trailing junk): the decoder answers each with a status and never throws, and the next keyframe, and
 * the delta frame after it, decode exactly as in the undamaged stream.
 */
class Vp8DecoderMutationTest {
    private static final FrameSize SIZE = new FrameSize(320, 240);
    private static final int RUNS = 2000;
    private static final int KEYFRAME = 30;

    @Test
    void damagedFramesAreAnsweredAndTheNextKeyframeRecovers() {
        List<byte[]> stream = Vp8Streams.encode(SIZE, 30, 400_000, 40, KEYFRAME);
        I420Frame cleanKey = I420Frame.allocate(SIZE);
        I420Frame cleanNext = I420Frame.allocate(SIZE);
        try (Vp8Decoder reference = Vp8Decoder.open()) {
            for (int n = 0; n <= KEYFRAME + 1; n++) {
                byte[] frame = stream.get(n);
                assertThat(reference.decode(frame, 0, frame.length, n == KEYFRAME + 1 ? cleanNext : cleanKey))
                        .isEqualTo(DecodeStatus.DECODED);
                if (n == KEYFRAME) {
                    cleanNext.copyFrom(cleanKey);
                }
            }
        }
        SecureRandom random = TestRandom.seeded(6);
        Map<DecodeStatus, Integer> answers = new EnumMap<>(DecodeStatus.class);
        I420Frame out = I420Frame.allocate(SIZE);
        try (Vp8Decoder decoder = Vp8Decoder.open(new FrameSize(1920, 1080))) {
            byte[] first = stream.getFirst();
            for (int run = 0; run < RUNS; run++) {
                decoder.decode(first, 0, first.length, out);
                byte[] damaged = damage(stream.get(random.nextInt(stream.size())), random);
                DecodeStatus status = decoder.decode(damaged, 0, damaged.length, out);
                answers.merge(status, 1, Integer::sum);
                if (status != DecodeStatus.DECODED && status != DecodeStatus.HIDDEN) {
                    assertThat(decoder.awaitingKeyframe()).as("run %d: %s", run, status).isTrue();
                }
                byte[] key = stream.get(KEYFRAME);
                assertThat(decoder.decode(key, 0, key.length, out)).as("run %d", run).isEqualTo(DecodeStatus.DECODED);
                assertThat(Psnr.all(out, cleanKey)).as("run %d: the keyframe as undamaged", run).isInfinite();
                byte[] next = stream.get(KEYFRAME + 1);
                assertThat(decoder.decode(next, 0, next.length, out)).isEqualTo(DecodeStatus.DECODED);
                assertThat(Psnr.all(out, cleanNext)).as("run %d: the frame after it", run).isInfinite();
            }
        }
        System.out.println("answers to " + RUNS + " damaged frames: " + answers);
        assertThat(answers).containsKeys(DecodeStatus.CORRUPT, DecodeStatus.DECODED);
    }

    private static byte[] damage(byte[] frame, SecureRandom random) {
        byte[] copy = frame.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                return Arrays.copyOf(copy, random.nextInt(copy.length));
            }
            case 1 -> {
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 2 -> {
                for (int i = 1 + random.nextInt(copy.length / 4 + 1); i > 0; i--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 3 -> {
                byte[] tail = new byte[Math.max(0, copy.length - Vp8FrameHeader.KEYFRAME_HEADER_BYTES)];
                random.nextBytes(tail);
                System.arraycopy(tail, 0, copy, copy.length - tail.length, tail.length);
                return copy;
            }
            case 4 -> {
                byte[] garbage = new byte[random.nextInt(3000)];
                random.nextBytes(garbage);
                return garbage;
            }
            default -> {
                byte[] longer = Arrays.copyOf(copy, copy.length + 1 + random.nextInt(500));
                for (int i = copy.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                return longer;
            }
        }
    }
}
