package dev.confab.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of malformed datagram is refused with its own reason, never an exception. */
class StunDecodeFailureTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("19 bytes", "0001 0000 2112a442 0000000000000000000000",
                        StunDecodeFailure.TOO_SHORT),
                Arguments.of("an RTP packet", "80 60 0001 00000000 00000001 000000000000000000000000",
                        StunDecodeFailure.NOT_STUN),
                // DTLS's first byte (20 to 63) has the top two bits zero as STUN's does: its length gives it away.
                Arguments.of("a DTLS record", "16 fe fd 0000 000000000000 0010 000000000000000000000000",
                        StunDecodeFailure.BAD_LENGTH),
                Arguments.of("length not a multiple of 4", "0001 0002 2112a442 000000000000000000000000 0000",
                        StunDecodeFailure.BAD_LENGTH),
                Arguments.of("length beyond the datagram", "0001 0008 2112a442 000000000000000000000000 80220000",
                        StunDecodeFailure.BAD_LENGTH),
                Arguments.of("datagram beyond the length", "0001 0000 2112a442 000000000000000000000000 80220000",
                        StunDecodeFailure.BAD_LENGTH),
                Arguments.of("RFC 3489 (no cookie)", "0001 0000 00000000 000000000000000000000000",
                        StunDecodeFailure.BAD_COOKIE),
                Arguments.of("value past the end", "0001 0004 2112a442 000000000000000000000000 80220004",
                        StunDecodeFailure.TRUNCATED_ATTRIBUTE),
                Arguments.of("padding past the end", "0001 0008 2112a442 000000000000000000000000 80220005 00000000",
                        StunDecodeFailure.TRUNCATED_ATTRIBUTE),
                Arguments.of("PRIORITY of 3 bytes", "0001 0008 2112a442 000000000000000000000000 00240003 00000000",
                        StunDecodeFailure.BAD_ATTRIBUTE),
                Arguments.of("address family 3", "0101 000c 2112a442 000000000000000000000000 00200008 00030000 01020304",
                        StunDecodeFailure.BAD_ATTRIBUTE),
                Arguments.of("IPv6 family with 4 bytes",
                        "0101 000c 2112a442 000000000000000000000000 00200008 00020000 01020304",
                        StunDecodeFailure.BAD_ATTRIBUTE),
                Arguments.of("ERROR-CODE class 7", "0111 0008 2112a442 000000000000000000000000 00090004 00000700",
                        StunDecodeFailure.BAD_ATTRIBUTE),
                Arguments.of("ERROR-CODE number 100", "0111 0008 2112a442 000000000000000000000000 00090004 00000464",
                        StunDecodeFailure.BAD_ATTRIBUTE),
                Arguments.of("MESSAGE-INTEGRITY of 16 bytes",
                        "0001 0014 2112a442 000000000000000000000000 00080010 00000000000000000000000000000000",
                        StunDecodeFailure.BAD_ATTRIBUTE),
                Arguments.of("odd UNKNOWN-ATTRIBUTES", "0111 0008 2112a442 000000000000000000000000 000a0003 00010200",
                        StunDecodeFailure.BAD_ATTRIBUTE),
                Arguments.of("wrong FINGERPRINT", "0001 0008 2112a442 000000000000000000000000 80280004 00000000",
                        StunDecodeFailure.BAD_FINGERPRINT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedWithItsReason(String what, String hex, StunDecodeFailure reason) {
        byte[] bytes = Rfc5769.hex(hex);
        StunDecoding decoding = StunMessage.decode(bytes, 0, bytes.length);

        assertThat(decoding).isInstanceOfSatisfying(StunDecoding.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(reason);
            assertThat(failed.detail()).isNotBlank();
        });
    }

    /**
     * Outside FINGERPRINT's own type and length, a flipped bit is caught: by the decoder or by integrity. A flip in
     * FINGERPRINT's type turns it into an unknown attribute after MESSAGE-INTEGRITY, which is ignored: stripping the
     * fingerprint is undetectable by design, and harmless, as integrity still holds.
     */
    @ParameterizedTest
    @MethodSource("flippedSamples")
    void aFlippedBitInASampleBreaksItsFingerprintOrIntegrity(byte[] sample, int bit) {
        byte[] flipped = sample.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        StunDecoding decoding = StunMessage.decode(flipped, 0, flipped.length);

        boolean inFingerprintHeader = bit / 8 >= sample.length - 8 && bit / 8 < sample.length - 4;
        if (decoding instanceof StunDecoding.Decoded(StunMessage message) && !inFingerprintHeader) {
            assertThat(message.verifyIntegrity(IntegrityKey.shortTerm(Rfc5769.SHORT_TERM_PASSWORD)))
                    .as("bit %d", bit).isNotEqualTo(IntegrityVerdict.VALID);
        }
    }

    static Stream<Arguments> flippedSamples() {
        return Stream.of(Rfc5769.REQUEST, Rfc5769.IPV4_RESPONSE, Rfc5769.IPV6_RESPONSE)
                .flatMap(sample -> Stream.iterate(0, bit -> bit < sample.length * 8, bit -> bit + 13)
                        .map(bit -> Arguments.of(sample, bit)));
    }
}
