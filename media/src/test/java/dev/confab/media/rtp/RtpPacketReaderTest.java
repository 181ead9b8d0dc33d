package dev.confab.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading hand-made packets laid out as RFC 3550 5.1 and RFC 8285 4.2/4.3 draw them. */
class RtpPacketReaderTest {
    private final RtpPacketReader reader = new RtpPacketReader();

    @Test
    void readsEveryFixedField() {
        byte[] packet = Hex.bytes("""
                92          # V=2 P=0 X=1 CC=2
                ef          # M=1 PT=111
                ff fe       # sequence 65534
                80 00 00 01 # timestamp 2^31 + 1
                de ad be ef # SSRC
                00 00 00 0a # CSRC 10
                00 00 00 0b # CSRC 11
                12 34 00 01 # extension of profile 0x1234 (not RFC 8285), one word
                01 02 03 04
                aa bb cc    # payload
                """);

        assertThat(reader.wrap(packet, 0, packet.length)).isEqualTo(3);
        assertThat(reader.version()).isEqualTo(2);
        assertThat(reader.padding()).isFalse();
        assertThat(reader.marker()).isTrue();
        assertThat(reader.payloadType()).isEqualTo(111);
        assertThat(reader.sequenceNumber()).isEqualTo(65534);
        assertThat(reader.timestamp()).isEqualTo(0x8000_0001L);
        assertThat(reader.ssrc()).isEqualTo(0xdeadbeef);
        assertThat(reader.csrcCount()).isEqualTo(2);
        assertThat(reader.csrc(0)).isEqualTo(10);
        assertThat(reader.csrc(1)).isEqualTo(11);
        assertThat(reader.hasExtension()).isTrue();
        assertThat(reader.extensionProfile()).isEqualTo(0x1234);
        assertThat(reader.extensions().next()).as("an opaque profile has no elements").isFalse();
        assertThat(reader.headerLength()).isEqualTo(20 + 8);
        assertThat(reader.payloadOffset()).isEqualTo(28);
    }

    @Test
    void oneByteElementsSkipPaddingAndStopAtId15() {
        byte[] packet = Hex.bytes("""
                90 6f 00 01 00 00 00 02 00 00 00 03
                be de 00 04 # one-byte form, four words
                10 ff       # id 1, 1 byte: audio level, voice, 127
                00 00       # padding
                22 12 34 56 # id 2, 3 bytes: abs-send-time
                31 00 07    # id 3, 2 bytes: transport-wide sequence 7
                f0          # id 15: stop, the rest is ignored even though it would overrun
                55 66 77 88
                ee          # payload
                """);

        assertThat(reader.wrap(packet, 0, packet.length)).isEqualTo(1);
        ExtensionElements elements = reader.extensions();
        assertThat(elements.next()).isTrue();
        assertThat(elements.id()).isEqualTo(1);
        assertThat(AudioLevel.voice(packet, elements.offset())).isTrue();
        assertThat(AudioLevel.level(packet, elements.offset())).isEqualTo(127);
        assertThat(elements.next()).isTrue();
        assertThat(elements.id()).isEqualTo(2);
        assertThat(elements.length()).isEqualTo(3);
        assertThat(AbsSendTime.read(packet, elements.offset())).isEqualTo(0x123456);
        assertThat(elements.next()).isTrue();
        assertThat(TransportSequence.read(packet, elements.offset())).isEqualTo(7);
        assertThat(elements.next()).isFalse();
        assertThat(reader.extensions().find(3)).isTrue();
        assertThat(reader.extensions().find(4)).isFalse();
    }

    @Test
    void twoByteElementsMayBeEmptyAndUseHighIds() {
        byte[] packet = Hex.bytes("""
                90 6f 00 01 00 00 00 02 00 00 00 03
                10 07 00 02 # two-byte form, appbits 7, two words
                c8 00       # id 200, empty
                00          # padding
                01 02 61 30 # id 1, "a0" (a mid)
                00          # padding
                """);

        assertThat(reader.wrap(packet, 0, packet.length)).isZero();
        ExtensionElements elements = reader.extensions();
        assertThat(elements.find(200)).isTrue();
        assertThat(elements.length()).isZero();
        assertThat(reader.extensions().find(1)).isTrue();
        ExtensionElements mid = reader.extensions();
        mid.find(1);
        assertThat(MidElement.matches(packet, mid.offset(), mid.length(), MidElement.bytesOf("a0"))).isTrue();
        assertThat(MidElement.matches(packet, mid.offset(), mid.length(), MidElement.bytesOf("a1"))).isFalse();
    }

    @Test
    void paddingIsNotPayload() {
        byte[] packet = Hex.bytes("""
                a0 00 00 01 00 00 00 02 00 00 00 03
                01 02 03   # payload
                00 00 03   # padding of 3, counting itself
                """);

        assertThat(reader.wrap(packet, 0, packet.length)).isEqualTo(3);
        assertThat(reader.padding()).isTrue();
        assertThat(reader.payloadLength()).isEqualTo(3);
    }

    @Test
    void readsAtAnOffsetInALargerArray() {
        byte[] packet = Hex.bytes("ffff 80 08 00 2a 00 00 00 02 00 00 00 03 99 ffff");

        assertThat(reader.wrap(packet, 2, packet.length - 4)).isEqualTo(1);
        assertThat(reader.sequenceNumber()).isEqualTo(42);
        assertThat(reader.payloadOffset()).isEqualTo(14);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            TOO_SHORT                 | 80 00 00 01 00 00 00 02 00 00 00
            BAD_VERSION               | 40 00 00 01 00 00 00 02 00 00 00 03
            BAD_VERSION               | c0 00 00 01 00 00 00 02 00 00 00 03
            CSRC_OVERRUN              | 82 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04
            EXTENSION_HEADER_OVERRUN  | 90 00 00 01 00 00 00 02 00 00 00 03 be de 00
            EXTENSION_OVERRUN         | 90 00 00 01 00 00 00 02 00 00 00 03 be de 00 02 10 01 00 00
            EXTENSION_ELEMENT_OVERRUN | 90 00 00 01 00 00 00 02 00 00 00 03 be de 00 01 13 01 02 03
            EXTENSION_ELEMENT_OVERRUN | 90 00 00 01 00 00 00 02 00 00 00 03 be de 00 01 00 00 00 21
            EXTENSION_ELEMENT_OVERRUN | 90 00 00 01 00 00 00 02 00 00 00 03 10 00 00 01 00 00 01 02
            EXTENSION_ELEMENT_OVERRUN | 90 00 00 01 00 00 00 02 00 00 00 03 10 00 00 01 00 00 00 05
            PADDING_OVERRUN           | a0 00 00 01 00 00 00 02 00 00 00 03
            PADDING_OVERRUN           | a0 00 00 01 00 00 00 02 00 00 00 03 01 02 00
            PADDING_OVERRUN           | a0 00 00 01 00 00 00 02 00 00 00 03 01 02 04
            """)
    void refusesWithAReason(RtpFailure reason, String hex) {
        byte[] packet = Hex.bytes(hex);

        assertThat(RtpFailure.of(reader.wrap(packet, 0, packet.length))).isEqualTo(reason);
    }

    @Test
    void refusesRangesOutsideTheArray() {
        assertThat(RtpFailure.of(reader.wrap(null, 0, 12))).isEqualTo(RtpFailure.INVALID_ARGUMENT);
        assertThat(RtpFailure.of(reader.wrap(new byte[12], 1, 12))).isEqualTo(RtpFailure.INVALID_ARGUMENT);
        assertThat(RtpFailure.of(reader.wrap(new byte[12], -1, 4))).isEqualTo(RtpFailure.INVALID_ARGUMENT);
    }
}
