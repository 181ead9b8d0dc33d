package dev.confab.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrap-aware comparison and unwrapping of sequence numbers and timestamps, tested at the wrap. */
class SequenceArithmeticTest {

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(textBlock = """
            # a,    b,     diff,   a newer
            1,      0,     1,      true
            0,      65535, 1,      true
            65535,  0,     -1,     false
            0,      65534, 2,      true
            100,    100,   0,      false
            32767,  0,     32767,  true
            32768,  0,     -32768, true
            0,      32768, -32768, false
            """)
    void sequenceNumbers(int a, int b, int diff, boolean newer) {
        assertThat(SeqNum.diff(a, b)).isEqualTo(diff);
        assertThat(SeqNum.isNewer(a, b)).isEqualTo(newer);
    }

    @Test
    void sequenceAddWraps() {
        assertThat(SeqNum.add(65535, 1)).isZero();
        assertThat(SeqNum.add(0, -1)).isEqualTo(65535);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(textBlock = """
            1,          0,          1,           true
            0,          4294967295, 1,           true
            4294967295, 0,          -1,          false
            2147483648, 0,          -2147483648, true
            0,          2147483648, -2147483648, false
            """)
    void timestamps(long a, long b, int diff, boolean newer) {
        assertThat(RtpTimestamps.diff(a, b)).isEqualTo(diff);
        assertThat(RtpTimestamps.isNewer(a, b)).isEqualTo(newer);
    }

    @Test
    void sequenceNumbersUnwrapAcrossWrapsBothWays() {
        Unwrapper unwrapper = Unwrapper.forSequenceNumbers();

        assertThat(unwrapper.unwrap(65534)).isEqualTo(65534);
        assertThat(unwrapper.unwrap(65535)).isEqualTo(65535);
        assertThat(unwrapper.unwrap(0)).isEqualTo(65536);
        assertThat(unwrapper.unwrap(65535)).as("reordered across the wrap").isEqualTo(65535);
        assertThat(unwrapper.unwrap(1)).isEqualTo(65537);
        assertThat(unwrapper.unwrap(1 + 32767)).isEqualTo(65537 + 32767);
        for (int i = 0; i < 3 * 65536; i += 20000) {
            unwrapper.unwrap(65537 + 32767 + i);
        }
        assertThat(unwrapper.unwrap(65537 + 32767 + 3 * 65536)).isEqualTo(65537 + 32767 + 3 * 65536);
    }

    @Test
    void anOlderPacketRightAfterTheStartGoesBelowIt() {
        Unwrapper unwrapper = Unwrapper.forSequenceNumbers();

        assertThat(unwrapper.unwrap(0)).isZero();
        assertThat(unwrapper.unwrap(65535)).isEqualTo(-1);
    }

    @Test
    void timestampsUnwrap() {
        Unwrapper unwrapper = Unwrapper.forTimestamps();

        assertThat(unwrapper.unwrap(0xffff_ff00L)).isEqualTo(0xffff_ff00L);
        assertThat(unwrapper.unwrap(0x0000_0100L)).isEqualTo(0x1_0000_0100L);
        assertThat(unwrapper.unwrap(0xffff_fff0L)).isEqualTo(0xffff_fff0L);
    }

    @Test
    void absSendTimeIsSixPointEighteenFixedPointModulo64Seconds() {
        assertThat(AbsSendTime.fromNanos(1_500_000_000L)).isEqualTo(1 << 18 | 1 << 17);
        assertThat(AbsSendTime.fromNanos(65_000_000_000L)).isEqualTo(1 << 18);
        assertThat(AbsSendTime.toNanos(1 << 18 | 1 << 17)).isEqualTo(1_500_000_000L);
    }
}
