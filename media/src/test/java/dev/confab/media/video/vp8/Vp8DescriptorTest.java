package dev.confab.media.video.vp8;

import static dev.confab.media.video.vp8.Vp8DescriptorReader.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The payload descriptor of RFC 7741 section 4.2, read and written, with the bit layouts of its figures. */
class Vp8DescriptorTest {
    private final Vp8DescriptorReader reader = new Vp8DescriptorReader();

    static Stream<Arguments> descriptors() {
        return Stream.of(
                Arguments.of("""
                        10        # X=0 N=0 S=1 PID=0: a frame's first packet, no extension
                        """, new Vp8Descriptor(false, true, 0, ABSENT, false, ABSENT, ABSENT, false, ABSENT)),
                Arguments.of("""
                        90        # X=1 S=1 PID=0
                        80        # I
                        11        # M=0, PictureID 17
                        """, new Vp8Descriptor(false, true, 0, 17, false, ABSENT, ABSENT, false, ABSENT)),
                Arguments.of("""
                        80        # X=1 S=0 PID=0: a frame's later packet
                        80        # I
                        92 67     # M=1, PictureID 0x1267 = 4711 in 15 bits
                        """, new Vp8Descriptor(false, false, 0, 4711, true, ABSENT, ABSENT, false, ABSENT)),
                Arguments.of("""
                        b3        # X=1 N=1 S=1 PID=3: partition 3 starts, the frame is discardable
                        f0        # I L T K
                        ff ff     # M=1, PictureID 32767, the last before the wrap
                        07        # TL0PICIDX 7
                        e5        # TID=3 Y=1 KEYIDX=5
                        """, new Vp8Descriptor(true, true, 3, 0x7fff, true, 7, 3, true, 5)),
                Arguments.of("""
                        97        # X=1 S=1 PID=7
                        60        # L T
                        fe        # TL0PICIDX 254
                        40        # TID=1 Y=0 (the KEYIDX bits are not read without K)
                        """, new Vp8Descriptor(false, true, 7, ABSENT, false, 254, 1, false, ABSENT)),
                Arguments.of("""
                        81        # X=1 S=0 PID=1
                        10        # K
                        1f        # KEYIDX 31 (TID and Y are not read without T)
                        """, new Vp8Descriptor(false, false, 1, ABSENT, false, ABSENT, ABSENT, false, 31)),
                Arguments.of("""
                        80        # X=1
                        c0        # I L: TL0PICIDX without T, which a sender must not do, read anyway
                        7f 00     # M=0 PictureID 127, TL0PICIDX 0
                        """, new Vp8Descriptor(false, false, 0, 127, false, 0, ABSENT, false, ABSENT)));
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void readsAndWritesTheSameBytes(String hex, Vp8Descriptor expected) {
        byte[] bytes = Hex.bytes(hex);
        byte[] payload = Arrays.copyOf(bytes, bytes.length + 1);

        assertThat(reader.wrap(payload, 0, payload.length)).isEqualTo(bytes.length);
        assertThat(Vp8Descriptor.of(reader)).isEqualTo(expected);
        assertThat(reader.startsFrame()).isEqualTo(expected.startOfPartition() && expected.partitionIndex() == 0);

        byte[] written = new byte[Vp8DescriptorReader.MAX_LENGTH];
        assertThat(expected.size()).isEqualTo(bytes.length);
        assertThat(expected.write(written, 0, written.length)).isEqualTo(bytes.length);
        assertThat(Arrays.copyOf(written, bytes.length)).isEqualTo(bytes);
    }

    @Test
    void readerIgnoresReservedBitsAndTakesAnEmptyExtension() {
        byte[] bytes = Hex.bytes("""
                d8        # X=1 R=1 S=1 R=1 PID=0
                0f        # no I L T K; RSV all set
                """);

        assertThat(reader.wrap(bytes, 0, bytes.length)).isEqualTo(2);
        assertThat(reader.extended()).isTrue();
        assertThat(reader.startsFrame()).isTrue();
        assertThat(Vp8Descriptor.of(reader))
                .isEqualTo(new Vp8Descriptor(false, true, 0, ABSENT, false, ABSENT, ABSENT, false, ABSENT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "80", "90 80", "90 80 80", "90 40", "90 20", "90 10", "90 f0 80 00 07"})
    void truncatedDescriptorsAreRefused(String hex) {
        byte[] bytes = Hex.bytes(hex);

        assertThat(Vp8Failure.of(reader.wrap(bytes, 0, bytes.length))).isEqualTo(Vp8Failure.TRUNCATED_DESCRIPTOR);
    }

    @Test
    void readsAtAnOffsetAndRefusesRangesOutsideTheArray() {
        byte[] bytes = Hex.bytes("ff ff 90 80 05 00");

        assertThat(reader.wrap(bytes, 2, 4)).isEqualTo(3);
        assertThat(reader.pictureId()).isEqualTo(5);
        assertThat(Vp8Failure.of(reader.wrap(bytes, 2, 5))).isEqualTo(Vp8Failure.INVALID_ARGUMENT);
        assertThat(Vp8Failure.of(reader.wrap(null, 0, 1))).isEqualTo(Vp8Failure.INVALID_ARGUMENT);
    }

    @Test
    void everyCombinationOfFieldsRoundTrips() {
        byte[] buf = new byte[Vp8DescriptorReader.MAX_LENGTH];
        int[] pictureIds = {ABSENT, 0, 127, 128, 32767};
        int count = 0;
        for (int pictureId : pictureIds) {
            for (boolean longId : new boolean[] {false, true}) {
                if (pictureId > 127 && !longId || pictureId == ABSENT && longId) {
                    continue;
                }
                for (int tl0 : new int[] {ABSENT, 0, 255}) {
                    for (int tid : new int[] {ABSENT, 0, 3}) {
                        for (int key : new int[] {ABSENT, 0, 31}) {
                            Vp8Descriptor descriptor = new Vp8Descriptor(count % 2 == 0, count % 3 == 0, count % 8,
                                    pictureId, longId, tl0, tid, tid != ABSENT && count % 5 == 0, key);
                            int size = descriptor.write(buf, 0, buf.length);
                            assertThat(reader.wrap(buf, 0, size)).isEqualTo(size);
                            assertThat(Vp8Descriptor.of(reader)).isEqualTo(descriptor);
                            count++;
                        }
                    }
                }
            }
        }
        assertThat(count).isEqualTo(7 * 27);
    }

    @Test
    void writeNeedsRoom() {
        Vp8Descriptor descriptor = new Vp8Descriptor(false, true, 0, 4711, true, ABSENT, ABSENT, false, ABSENT);

        assertThat(Vp8Failure.of(descriptor.write(new byte[3], 0, 3))).isEqualTo(Vp8Failure.BUFFER_TOO_SMALL);
        assertThat(Vp8Failure.of(descriptor.write(new byte[4], 1, 4))).isEqualTo(Vp8Failure.INVALID_ARGUMENT);
    }

    @Test
    void fieldsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new Vp8Descriptor(false, true, 8, ABSENT, false, ABSENT, ABSENT, false, ABSENT))
                .hasMessageContaining("PID");
        assertThatThrownBy(() -> new Vp8Descriptor(false, true, 0, 128, false, ABSENT, ABSENT, false, ABSENT))
                .hasMessageContaining("PictureID");
        assertThatThrownBy(() -> new Vp8Descriptor(false, true, 0, 0x8000, true, ABSENT, ABSENT, false, ABSENT))
                .hasMessageContaining("PictureID");
        assertThatThrownBy(() -> new Vp8Descriptor(false, true, 0, ABSENT, true, ABSENT, ABSENT, false, ABSENT))
                .hasMessageContaining("M without");
        assertThatThrownBy(() -> new Vp8Descriptor(false, true, 0, ABSENT, false, 256, 0, false, ABSENT))
                .hasMessageContaining("TL0PICIDX");
        assertThatThrownBy(() -> new Vp8Descriptor(false, true, 0, ABSENT, false, ABSENT, 4, false, ABSENT))
                .hasMessageContaining("TID");
        assertThatThrownBy(() -> new Vp8Descriptor(false, true, 0, ABSENT, false, ABSENT, ABSENT, true, ABSENT))
                .hasMessageContaining("Y without");
        assertThatThrownBy(() -> new Vp8Descriptor(false, true, 0, ABSENT, false, ABSENT, ABSENT, false, 32))
                .hasMessageContaining("KEYIDX");
    }
}
