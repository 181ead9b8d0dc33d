package dev.confab.media.video.vp8;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for the start of a received VP8 payload: the descriptor either is refused as truncated or gives
 * fields that the writer turns back into a descriptor the reader reads alike (one byte shorter at most: an empty
 * extension byte is not written again); on a frame's first packet the payload header is checked too. Nothing may
 * throw. Seeds (this test's Inputs directory): the descriptors of {@link Vp8DescriptorTest} before a key frame or an
 * interframe header.
 */
class Vp8DescriptorFuzzTest {
    private final Vp8DescriptorReader reader = new Vp8DescriptorReader();
    private final byte[] written = new byte[Vp8DescriptorReader.MAX_LENGTH];

    @FuzzTest(maxDuration = "2m")
    void read(byte[] payload) {
        int length = reader.wrap(payload, 0, payload.length);
        if (length < 0) {
            assertThat(Vp8Failure.of(length)).isEqualTo(Vp8Failure.TRUNCATED_DESCRIPTOR);
            return;
        }
        assertThat(length).isBetween(1, Math.min(payload.length, Vp8DescriptorReader.MAX_LENGTH));
        boolean startsFrame = reader.startsFrame();
        Vp8Descriptor descriptor = Vp8Descriptor.of(reader);
        int size = descriptor.write(written, 0, written.length);
        assertThat(size == length || size == 1 && length == 2).as("%d written for %d read", size, length).isTrue();
        assertThat(reader.wrap(written, 0, size)).isEqualTo(size);
        assertThat(Vp8Descriptor.of(reader)).isEqualTo(descriptor);
        if (startsFrame) {
            int header = Vp8PayloadHeader.check(payload, length, payload.length - length);
            assertThat(header == Vp8PayloadHeader.LENGTH || header == Vp8PayloadHeader.KEY_FRAME_LENGTH
                    || header == Vp8Failure.TRUNCATED_HEADER.status() || header == Vp8Failure.BAD_START_CODE.status())
                    .as("header status %d", header).isTrue();
        }
    }
}
