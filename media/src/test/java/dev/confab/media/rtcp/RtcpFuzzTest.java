package dev.confab.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer fuzz target for the compound parser: any bytes either fail with a reason and a detail, or parse to packets
 * that write back to a compound which parses to packets that write back to the very same bytes (the first write
 * normalizes: padding, transport-cc chunk kinds, REMB exponents). Nothing may throw. The seeds (in this test's Inputs
 * directory) are the compounds of {@link RtcpRfcVectorsTest}.
 */
class RtcpFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void parse(byte[] input) {
        switch (RtcpCompound.parse(input, 0, input.length)) {
            case RtcpParse.Failed failed -> assertThat(failed.detail()).isNotBlank();
            case RtcpParse.Parsed parsed -> {
                assertThat(parsed.packets().size() + parsed.skipped()).isLessThanOrEqualTo(input.length / 4);
                if (parsed.packets().isEmpty()) {
                    return; // only skipped types: nothing to write
                }
                byte[] once = write(parsed.packets());
                List<RtcpPacket> again = Parsing.packets(once);
                assertThat(again).hasSameSizeAs(parsed.packets());
                assertThat(Arrays.equals(write(again), once)).as("a second write changes nothing").isTrue();
            }
        }
    }

    private static byte[] write(List<RtcpPacket> packets) {
        byte[] buf = new byte[RtcpCompound.size(packets)];
        assertThat(RtcpCompound.marshal(packets, buf, 0)).isEqualTo(buf.length);
        return buf;
    }
}
