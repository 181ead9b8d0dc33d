package dev.confab.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each way a compound can be malformed fails it with its own reason. */
class RtcpParseFailureTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            TOO_SHORT              | 80 c9 00                                             | under a header
            TOO_SHORT              | 80 c9 00 01 00 00 00 07 80                           | trailing bytes
            BAD_VERSION            | 40 c9 00 01 00 00 00 07                              | version 1
            BAD_VERSION            | 80 c9 00 01 00 00 00 07 00 c9 00 01 00 00 00 07      | second packet version 0
            BAD_LENGTH             | 80 c9 00 02 00 00 00 07                              | length past the end
            PADDING_OVERRUN        | a0 c9 00 01 00 00 00 00                              | padding count 0
            PADDING_OVERRUN        | a0 c9 00 01 00 00 00 05                              | padding past the body
            REPORT_OVERRUN         | 81 c9 00 01 00 00 00 07                              | RR with a missing block
            REPORT_OVERRUN         | 80 c8 00 01 00 00 00 07                              | SR without sender info
            MALFORMED_SDES         | 81 ca 00 00                                          | no chunk
            MALFORMED_SDES         | 81 ca 00 02 00 00 00 01 01 05 61 62                  | item past the packet
            MALFORMED_SDES         | 81 ca 00 02 00 00 00 01 01 01 61 62                  | no null item
            MALFORMED_SDES         | 81 ca 00 02 00 00 00 01 01 01 ff 00                  | text not UTF-8
            MALFORMED_BYE          | 82 cb 00 01 00 00 00 01                              | missing source
            MALFORMED_BYE          | 81 cb 00 02 00 00 00 01 05 61 62 63                  | reason past the packet
            MALFORMED_FEEDBACK     | 81 ce 00 01 00 00 00 01                              | PLI without media SSRC
            MALFORMED_FEEDBACK     | 81 cd 00 02 00 00 00 01 00 00 00 02                  | NACK without items
            MALFORMED_FEEDBACK     | 84 ce 00 03 00 00 00 01 00 00 00 00 00 00 00 02      | FIR entry cut short
            MALFORMED_FEEDBACK     | 8f ce 00 05 00 00 00 01 00 00 00 00 52 45 4d 42 02 00 00 00 00 00 00 01 | REMB missing a source
            MALFORMED_TRANSPORT_CC | 8f cd 00 04 00 00 00 01 00 00 00 02 00 00 00 00 00 00 00 00 | no status
            MALFORMED_TRANSPORT_CC | 8f cd 00 04 00 00 00 01 00 00 00 02 00 00 00 02 00 00 00 00 | no chunk
            MALFORMED_TRANSPORT_CC | 8f cd 00 05 00 00 00 01 00 00 00 02 00 00 00 01 00 00 00 00 60 01 00 00 | reserved symbol
            MALFORMED_TRANSPORT_CC | 8f cd 00 05 00 00 00 01 00 00 00 02 00 00 00 02 00 00 00 00 40 02 00 01 | deltas past the end
            """)
    void failsWithItsReason(RtcpFailure reason, String hex, String what) {
        assertThat(Parsing.failure(Hex.bytes(hex))).isEqualTo(reason);
    }

    @Test
    void refusesNoBytesAndBadRanges() {
        assertThat(RtcpCompound.parse(new byte[0], 0, 0)).isEqualTo(new RtcpParse.Failed(RtcpFailure.TOO_SHORT,
                "0 bytes are no RTCP packet"));
        assertThat(((RtcpParse.Failed) RtcpCompound.parse(null, 0, 4)).reason()).isEqualTo(RtcpFailure.INVALID_ARGUMENT);
        assertThat(((RtcpParse.Failed) RtcpCompound.parse(new byte[4], 2, 4)).reason())
                .isEqualTo(RtcpFailure.INVALID_ARGUMENT);
    }
}
