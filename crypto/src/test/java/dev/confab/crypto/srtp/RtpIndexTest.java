package dev.confab.crypto.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3711 Appendix A index estimation, at the sequence wrap and at the ends of the ROC. */
class RtpIndexTest {

    @ParameterizedTest(name = "highest {0}, seq {1} -> {2}")
    @CsvSource({
            // first packet of a stream: ROC 0
            "-1, 65535, 65535",
            // in order up to and across the wrap: ROC 0 -> 1
            "65533, 65534, 65534",
            "65534, 65535, 65535",
            "65535, 0, 65536",
            "65536, 1, 65537",
            // late packets from before the wrap keep ROC 0
            "65536, 65535, 65535",
            "65537, 65534, 65534",
            // early packets after the wrap get ROC 1 while the highest is still ROC 0
            "65534, 0, 65536",
            "65534, 1, 65537",
            // half a window either way
            "40000, 7232, 7232",
            "40000, 7231, 72767",
            "70000, 37233, 37233",
            // ROC 0 cannot go back: negative means 'too old'
            "100, 65000, -1",
            // ROC 2^32 - 1 cannot go forward: above 2^48 - 1 means 'exhausted'
            "281474976710650, 5, 281474976710661",
    })
    void estimatesTheIndex(long highest, int seq, long expected) {
        assertThat(RtpIndex.estimate(highest, seq)).isEqualTo(expected);
    }
}
