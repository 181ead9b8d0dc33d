package dev.confab.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for the reader: any bytes either fail with a reason or give a view whose header, elements and
 * payload all lie inside the packet, in order. Nothing may throw. The seeds (in this test's Inputs directory) are
 * the packets of {@link RtpPacketReaderTest} and {@link RtpPacketWriterTest}.
 */
class RtpFuzzTest {
    private final RtpPacketReader reader = new RtpPacketReader();

    @FuzzTest(maxDuration = "3m")
    void read(byte[] input) {
        int result = reader.wrap(input, 0, input.length);
        if (result < 0) {
            assertThat(RtpFailure.of(result)).isNotNull();
            return;
        }
        assertThat(reader.payloadOffset() + reader.payloadLength()).isLessThanOrEqualTo(input.length);
        assertThat(reader.headerLength()).isGreaterThanOrEqualTo(RtpPacketReader.FIXED_HEADER + 4 * reader.csrcCount());
        int elementsStart = reader.hasExtension() ? RtpPacketReader.FIXED_HEADER + 4 * reader.csrcCount() + 4 : 0;
        ExtensionElements elements = reader.extensions();
        int previousEnd = elementsStart;
        while (elements.next()) {
            assertThat(elements.offset()).isGreaterThan(previousEnd);
            previousEnd = elements.offset() + elements.length();
            assertThat(previousEnd).isLessThanOrEqualTo(reader.payloadOffset());
            assertThat(elements.id()).isBetween(1, 255);
        }
    }
}
