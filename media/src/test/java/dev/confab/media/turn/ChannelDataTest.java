package dev.confab.media.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ChannelData framing (RFC 8656 section 12.4) and its first-byte range (RFC 7983). */
class ChannelDataTest {

    @ParameterizedTest(name = "{0} bytes, padded {1}: {2}")
    @CsvSource({
        "0, false, 40000000",
        "0, true, 40000000",
        "3, false, 40000003010203",
        "3, true, 4000000301020300",
        "4, true, 4000000401020304",
        "5, true, 400000050102030405000000"})
    void writesHeaderDataAndOptionalPadding(int length, boolean pad, String hex) {
        byte[] data = {1, 2, 3, 4, 5};
        byte[] out = new byte[16];
        int size = ChannelData.write(0x4000, data, 0, length, out, 0, pad);

        assertThat(HexFormat.of().formatHex(out, 0, size)).isEqualTo(hex);
        assertThat(size).isEqualTo(ChannelData.size(length, pad));
        assertThat(ChannelData.channel(out, 0)).isEqualTo(0x4000);
        assertThat(ChannelData.dataLength(out, 0, size)).isEqualTo(length);
    }

    @Test
    void aDatagramShorterThanItsLengthIsRefused() {
        byte[] message = HexFormat.of().parseHex("4fff0005010203");
        assertThat(ChannelData.looksLikeChannelData(message, 0, message.length)).isTrue();
        assertThat(ChannelData.dataLength(message, 0, message.length)).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource({"63, false", "64, true", "79, true", "80, false", "0, false", "128, false"})
    void firstBytesSixtyFourToSeventyNineAreChannelData(int firstByte, boolean channelData) {
        byte[] datagram = {(byte) firstByte, 0, 0, 0};
        assertThat(ChannelData.looksLikeChannelData(datagram, 0, 4)).isEqualTo(channelData);
        assertThat(ChannelData.looksLikeChannelData(datagram, 0, 3)).isFalse();
    }

    @Test
    void channelsOutsideTheClientRangeAreRefused() {
        byte[] out = new byte[8];
        assertThatThrownBy(() -> ChannelData.write(0x3fff, new byte[1], 0, 1, out, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChannelData.write(0x5000, new byte[1], 0, 1, out, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
