package dev.confab.media.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.rtp.HeaderExtensionIds;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retransmissions built from originals laid out by hand (RFC 4588 section 4), as RTX and as plain resends. */
class RtxPacketizerTest {
    static final HeaderExtensionIds IDS = new HeaderExtensionIds(4, 0, 2, 3);
    static final RtxPayloadTypes TYPES = RtxPayloadTypes.of(Map.of(97, 96, 99, 98));
    static final int RTX_SSRC = 0x2345_6789;
    /** 1.5 s: abs-send-time 1 s and 2^17 / 2^18 of a second, 06 00 00. */
    static final long SEND_NANOS = 1_500_000_000L;

    /** Media packet 65534 with a CSRC, three elements and three bytes of padding. */
    static final byte[] ORIGINAL = Hex.bytes("""
            b1 e0 ff fe     # V 2, P, X, one CSRC; M, PT 96; sequence 65534
            00 00 0b b8     # timestamp 3000
            12 34 56 78     # SSRC
            ca fe ba be     # CSRC
            be de 00 03     # one-byte elements, 3 words
            22 00 00 01     # abs-send-time (id 2) of the first sending
            31 00 07        # transport-wide sequence (id 3) 7
            40 31           # mid (id 4) "1"
            00 00 00        # element padding
            01 02 03 04 05  # payload
            00 00 03        # RTP padding
            """);

    /** Its retransmission on RTX stream 0x23456789 as packet 65535. */
    static final byte[] RTX = Hex.bytes("""
            91 e1 ff ff     # padding gone; M, PT 97 (apt 96); RTX sequence 65535
            00 00 0b b8     # the original timestamp
            23 45 67 89     # the RTX SSRC
            ca fe ba be     # the original CSRC
            be de 00 03
            22 06 00 00     # abs-send-time of this sending, 1.5 s
            31 02 01        # transport-wide sequence 513
            40 31           # mid copied
            00 00 00
            ff fe           # OSN 65534
            01 02 03 04 05
            """);

    private final byte[] out = new byte[1500];

    @Test
    void wrapsTheOriginalAsRtxByteForByte() {
        RtxPacketizer packetizer = RtxPacketizer.rtx(RTX_SSRC, TYPES, IDS, 65535);

        int length = packetizer.packetize(ORIGINAL, 0, ORIGINAL.length, out, 0, out.length, SEND_NANOS, () -> 513);

        assertThat(Arrays.copyOf(out, length)).isEqualTo(RTX);
        assertThat(packetizer.sendsRtx()).isTrue();
    }

    @Test
    void numbersRtxPacketsOnAcrossTheWrap() {
        RtxPacketizer packetizer = RtxPacketizer.rtx(RTX_SSRC, TYPES, IDS, 65534);
        int[] sequences = new int[4];
        for (int i = 0; i < sequences.length; i++) {
            packetizer.packetize(ORIGINAL, 0, ORIGINAL.length, out, 0, out.length, SEND_NANOS, () -> 0);
            sequences[i] = (out[2] & 0xff) << 8 | out[3] & 0xff;
        }

        assertThat(sequences).containsExactly(65534, 65535, 0, 1);
    }

    @Test
    void resendsTheOriginalAsItWasWithoutRtxButForTheSendTime() {
        RtxPacketizer packetizer = RtxPacketizer.plain(IDS);

        int length = packetizer.packetize(ORIGINAL, 0, ORIGINAL.length, out, 7, out.length - 7, SEND_NANOS,
                () -> 513);

        byte[] expected = ORIGINAL.clone();
        System.arraycopy(Hex.bytes("22 06 00 00 31 02 01"), 0, expected, 20, 7);
        assertThat(Arrays.copyOfRange(out, 7, 7 + length)).isEqualTo(expected);
        assertThat(packetizer.sendsRtx()).isFalse();
    }

    @Test
    void takesNoTransportSequenceForAPacketWithoutOne() {
        byte[] bare = Hex.bytes("80 60 00 05 00 00 00 01 12 34 56 78 aa");
        AtomicInteger taken = new AtomicInteger();

        int length = RtxPacketizer.rtx(RTX_SSRC, TYPES, IDS, 9).packetize(bare, 0, bare.length, out, 0, out.length,
                SEND_NANOS, taken::incrementAndGet);

        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("80 61 00 09 00 00 00 01 23 45 67 89 00 05 aa"));
        assertThat(taken).hasValue(0);
    }

    @Test
    void copiesTwoByteElementsAndRewritesTheirSendTime() {
        HeaderExtensionIds ids = new HeaderExtensionIds(0, 0, 0, 20);
        byte[] original = Hex.bytes("""
                90 62 00 05 00 00 00 01 12 34 56 78
                10 00 00 02     # two-byte elements, 2 words
                14 02 00 07     # id 20, transport-wide sequence 7
                21 00 00 00     # id 33, empty; padding
                aa bb
                """);

        int length = RtxPacketizer.rtx(RTX_SSRC, TYPES, ids, 0).packetize(original, 0, original.length, out, 0,
                out.length, SEND_NANOS, () -> 0x10203);

        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                90 63 00 00 00 00 00 01 23 45 67 89
                10 00 00 02
                14 02 02 03     # the low 16 bits of the next transport-wide sequence number
                21 00 00 00
                00 05 aa bb
                """));
    }

    @Test
    void refusesWhatItCannotWrapWithoutTakingASequenceNumber() {
        RtxPacketizer packetizer = RtxPacketizer.rtx(RTX_SSRC, TYPES, IDS, 100);
        byte[] opus = Hex.bytes("80 6f 00 05 00 00 00 01 12 34 56 78 aa"); // PT 111 has no RTX type

        assertThat(status(packetizer.packetize(opus, 0, opus.length, out, 0, out.length, 0, () -> 0)))
                .isEqualTo(RtxFailure.NO_RTX_PAYLOAD_TYPE);
        assertThat(status(packetizer.packetize(ORIGINAL, 0, 11, out, 0, out.length, 0, () -> 0)))
                .isEqualTo(RtxFailure.MALFORMED_RTP);
        assertThat(status(packetizer.packetize(ORIGINAL, 0, ORIGINAL.length, out, 0, RTX.length - 1, 0, () -> 0)))
                .isEqualTo(RtxFailure.BUFFER_TOO_SMALL);
        assertThat(status(packetizer.packetize(ORIGINAL, 0, ORIGINAL.length, out, 1, out.length, 0, () -> 0)))
                .isEqualTo(RtxFailure.INVALID_ARGUMENT);
        assertThat(status(RtxPacketizer.plain(IDS).packetize(ORIGINAL, 0, ORIGINAL.length, out, 0,
                ORIGINAL.length - 1, 0, () -> 0))).isEqualTo(RtxFailure.BUFFER_TOO_SMALL);

        packetizer.packetize(ORIGINAL, 0, ORIGINAL.length, out, 0, out.length, 0, () -> 0);
        assertThat((out[2] & 0xff) << 8 | out[3] & 0xff).isEqualTo(100);
    }

    private static RtxFailure status(int result) {
        assertThat(result).isNegative();
        return RtxFailure.of(result);
    }
}
