package dev.confab.media.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.confab.media.rtp.BigEndian;
import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.RtpPacketReader;
import java.util.Arrays;

/**
 * Jazzer fuzz target for the RTX depacketizer: any bytes, placed between guard bytes, are either dropped with a reason
 * and left untouched, or restored into an RTP packet of the media SSRC and the associated payload type, numbered by
 * the OSN, with the RTX payload after the OSN as its payload, and no byte written outside the input; wrapped again as
 * RTX with the same number it gives back the input without its padding. Nothing may throw. Seeds (in this test's
 * Inputs directory): RTX packets with elements, CSRCs and padding, padding only, one byte of payload, another SSRC, an
 * unknown payload type.
 */
class RtxDepacketizerFuzzTest {
    private static final int GUARD = 4;
    private static final int MEDIA_SSRC = 0x1234_5678;

    private final RtpPacketReader reader = new RtpPacketReader();

    @FuzzTest(maxDuration = "2m")
    void restore(byte[] input) {
        RtxDepacketizer depacketizer = new RtxDepacketizer(RtxPacketizerTest.RTX_SSRC, MEDIA_SSRC,
                RtxPacketizerTest.TYPES);
        byte[] buf = new byte[input.length + 2 * GUARD];
        Arrays.fill(buf, (byte) 0x5a);
        System.arraycopy(input, 0, buf, GUARD, input.length);
        byte[] before = buf.clone();

        int result = depacketizer.restore(buf, GUARD, input.length);

        if (result < 0) {
            assertThat(RtxFailure.of(result)).isNotIn(RtxFailure.INVALID_ARGUMENT, RtxFailure.BUFFER_TOO_SMALL);
            assertThat(buf).isEqualTo(before);
            assertThat(depacketizer.stats().restored()).isZero();
            return;
        }
        assertThat(depacketizer.stats().restored()).isOne();
        assertThat(Arrays.copyOfRange(buf, GUARD + input.length, buf.length)).containsOnly((byte) 0x5a);
        assertThat(Arrays.copyOfRange(buf, 0, GUARD)).containsOnly((byte) 0x5a);
        assertThat(reader.wrap(input, 0, input.length)).isGreaterThanOrEqualTo(RtxPacketizer.OSN_LENGTH);
        int rtxSequence = reader.sequenceNumber();
        int osn = BigEndian.u16(input, reader.payloadOffset());
        byte[] rtxPayload = Arrays.copyOfRange(input, reader.payloadOffset() + RtxPacketizer.OSN_LENGTH,
                reader.payloadOffset() + reader.payloadLength());

        assertThat(reader.wrap(buf, GUARD, result)).isEqualTo(rtxPayload.length);
        assertThat(reader.ssrc()).isEqualTo(MEDIA_SSRC);
        assertThat(reader.payloadType()).isEqualTo(RtxPacketizerTest.TYPES.associated(input[1] & 0x7f));
        assertThat(reader.sequenceNumber()).isEqualTo(osn);
        assertThat(reader.padding()).isFalse();
        assertThat(Arrays.copyOfRange(buf, reader.payloadOffset(), reader.payloadOffset() + reader.payloadLength()))
                .isEqualTo(rtxPayload);

        byte[] again = new byte[input.length];
        int length = RtxPacketizer.rtx(RtxPacketizerTest.RTX_SSRC, RtxPacketizerTest.TYPES, HeaderExtensionIds.NONE,
                rtxSequence).packetize(buf, GUARD, result, again, 0, again.length, 0, () -> 0);
        byte[] withoutPadding = Arrays.copyOf(input, length);
        withoutPadding[0] &= ~0x20;
        assertThat(Arrays.copyOf(again, length)).isEqualTo(withoutPadding);
    }
}
