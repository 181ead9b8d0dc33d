package dev.confab.media.video.vp8;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.confab.testkit.FuzzFrames;

/**
 * Jazzer fuzz target for the assembler: the input is a script of packets. Each step is a byte whose low bit is the
 * marker, a signed step of the sequence number, a signed step of the timestamp in 1500-tick units, then the payload
 * as a {@link FuzzFrames} frame; sequence numbers start just before their wrap and timestamps just before theirs. The
 * assembler is small (16 packets of 64 bytes, frames up to 512 bytes, a 6000-tick wait), so the script reaches its
 * bounds. Nothing may throw; every packet is held or dropped with a reason; every frame handed out fits the bounds,
 * is flagged a key frame exactly when its header says so, and is a key frame when it is the first since the start
 * or since a loss or restart; the missing list and the counters stay consistent. Seeds: a key frame and interframes
 * in order, the same reordered and duplicated, a loss given up and a new key frame, garbage with sequence jumps,
 * a frame lost as the one before it is handed out (the harness once took that loss for the handed-out frame's),
 * and padding between frames, some of it lost.
 */
class Vp8FrameAssemblerFuzzTest {
    private static final Vp8AssemblerConfig CONFIG = new Vp8AssemblerConfig(16, 64, 512, 6000);

    @FuzzTest(maxDuration = "2m")
    void script(byte[] input) {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(CONFIG);
        Vp8FrameBuffer frame = new Vp8FrameBuffer();
        int[] missing = new int[4];
        int sequence = 65530;
        long timestamp = 0xffff_f000L;
        long breaksAtLastFrame = -1;
        int at = 0;
        while (at + 3 <= input.length) {
            boolean marker = (input[at] & 1) != 0;
            sequence = (sequence + input[at + 1]) & 0xffff;
            timestamp = (timestamp + 1500L * input[at + 2]) & 0xffff_ffffL;
            byte[] payload = FuzzFrames.frame(input, at + 3);
            at = FuzzFrames.next(input, at + 3);

            int status = assembler.insert(sequence, timestamp, marker, payload, 0, payload.length);
            assertThat(status <= 0).isTrue();
            if (status < 0) {
                assertThat(Vp8Failure.of(status)).isNotIn(Vp8Failure.INVALID_ARGUMENT, Vp8Failure.BUFFER_TOO_SMALL);
            }
            long breaks = breaks(assembler);
            while (assembler.pollFrame(frame)) { // which may find the next frame lost: count breaks before it
                assertThat(frame.length()).isBetween(Vp8PayloadHeader.LENGTH, CONFIG.maxFrameBytes());
                assertThat(frame.keyFrame()).isEqualTo(Vp8PayloadHeader.isKeyFrame(frame.data(), 0));
                if (breaks != breaksAtLastFrame) {
                    assertThat(frame.keyFrame()).as("the first frame after a loss").isTrue();
                }
                breaksAtLastFrame = breaks;
                breaks = breaks(assembler);
            }
            int count = assembler.missing(missing);
            assertThat(count).isBetween(0, missing.length);
        }
        Vp8AssemblerStats stats = assembler.stats();
        assertThat(stats.frames()).isLessThanOrEqualTo(stats.packets());
        assertThat(stats.keyFrames()).isLessThanOrEqualTo(stats.frames());
        assertThat(stats.malformed() + stats.oversize() + stats.duplicates() + stats.late())
                .isLessThanOrEqualTo(stats.packets());
    }

    /** Times the decoder's references were lost: unrecoverable losses and restarts. */
    private static long breaks(Vp8FrameAssembler assembler) {
        Vp8AssemblerStats stats = assembler.stats();
        return stats.unrecoverableLosses() + stats.restarts();
    }
}
