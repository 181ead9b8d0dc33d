package dev.confab.media.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RTX packets turned back into their originals in place, and the ones that cannot be, each counted. */
class RtxDepacketizerTest {
    private static final int MEDIA_SSRC = 0x1234_5678;

    /** {@link RtxPacketizerTest#ORIGINAL} as it comes back: padding gone, send-time elements of the resend. */
    private static final byte[] RESTORED = Hex.bytes("""
            91 e0 ff fe     # no padding; M, PT 96; sequence 65534 from the OSN
            00 00 0b b8
            12 34 56 78     # the media SSRC
            ca fe ba be
            be de 00 03
            22 06 00 00
            31 02 01
            40 31
            00 00 00
            01 02 03 04 05
            """);

    private final RtxDepacketizer depacketizer = new RtxDepacketizer(RtxPacketizerTest.RTX_SSRC, MEDIA_SSRC,
            RtxPacketizerTest.TYPES);

    @Test
    void restoresTheOriginalInPlace() {
        byte[] buf = new byte[100];
        System.arraycopy(RtxPacketizerTest.RTX, 0, buf, 10, RtxPacketizerTest.RTX.length);

        int length = depacketizer.restore(buf, 10, RtxPacketizerTest.RTX.length);

        assertThat(Arrays.copyOfRange(buf, 10, 10 + length)).isEqualTo(RESTORED);
        assertThat(depacketizer.stats()).isEqualTo(new RtxReceiveStats(1, 1, 0, 0, 0, 0));
    }

    @Test
    void dropsTheRtxPacketsOwnPadding() {
        byte[] padded = Hex.bytes("""
                a0 e1 00 07 00 00 0b b8 23 45 67 89    # P; M, PT 97; RTX sequence 7
                ff fe                                  # OSN 65534
                01 02
                00 00 00 04                            # four bytes of padding
                """);

        int length = depacketizer.restore(padded, 0, padded.length);

        assertThat(Arrays.copyOf(padded, length)).isEqualTo(Hex.bytes("80 e0 ff fe 00 00 0b b8 12 34 56 78 01 02"));
    }

    @Test
    void restoresAnEmptyOriginalPayload() {
        byte[] osnOnly = Hex.bytes("80 63 00 07 00 00 0b b8 23 45 67 89 00 2a"); // PT 99: apt 98

        int length = depacketizer.restore(osnOnly, 0, osnOnly.length);

        assertThat(Arrays.copyOf(osnOnly, length)).isEqualTo(Hex.bytes("80 62 00 2a 00 00 0b b8 12 34 56 78"));
    }

    @Test
    void dropsAndCountsWhatItCannotRestoreLeavingTheBytesAlone() {
        byte[][] bad = {
            Hex.bytes("a0 61 00 07 00 00 0b b8 23 45 67 89 00 00 00 04"), // padding only: a bandwidth probe
            Hex.bytes("80 61 00 07 00 00 0b b8 23 45 67 89 ff"),          // one byte: no room for the OSN
            Hex.bytes("80 61 00 07 00 00 0b b8 23 45 67"),                // not RTP: 11 bytes
            Hex.bytes("80 61 00 07 00 00 0b b8 99 99 99 99 00 01 aa"),    // another SSRC
            Hex.bytes("80 60 00 07 00 00 0b b8 23 45 67 89 00 01 aa"),    // PT 96 is media, not RTX
        };
        RtxFailure[] reasons = {RtxFailure.PADDING_ONLY, RtxFailure.TOO_SHORT_FOR_OSN, RtxFailure.MALFORMED_RTP,
            RtxFailure.WRONG_SSRC, RtxFailure.UNKNOWN_PAYLOAD_TYPE};

        for (int i = 0; i < bad.length; i++) {
            byte[] before = bad[i].clone();
            int result = depacketizer.restore(bad[i], 0, bad[i].length);
            assertThat(result).isNegative();
            assertThat(RtxFailure.of(result)).isEqualTo(reasons[i]);
            assertThat(bad[i]).isEqualTo(before);
        }
        assertThat(depacketizer.stats()).isEqualTo(new RtxReceiveStats(5, 0, 1, 2, 1, 1));
        assertThat(RtxFailure.of(depacketizer.restore(bad[0], 1, bad[0].length))).isEqualTo(
                RtxFailure.INVALID_ARGUMENT);
    }
}
