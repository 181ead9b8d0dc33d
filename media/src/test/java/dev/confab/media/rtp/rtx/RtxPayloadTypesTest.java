package dev.confab.media.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.sdp.FormatParameters;
import dev.confab.media.sdp.RtpFormat;
import dev.confab.media.sdp.RtpMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The apt mapping (RFC 4588 section 8.1), strict for Confab's own choice, forgiving for a peer's. */
class RtxPayloadTypesTest {

    @Test
    void mapsBothWays() {
        RtxPayloadTypes types = RtxPayloadTypes.of(Map.of(97, 96, 99, 98));

        assertThat(types.associated(97)).isEqualTo(96);
        assertThat(types.retransmission(98)).isEqualTo(99);
        assertThat(types.associated(96)).isEqualTo(-1);
        assertThat(types.retransmission(111)).isEqualTo(-1);
        assertThat(types.associated(128)).isEqualTo(-1);
        assertThat(types.retransmission(-1)).isEqualTo(-1);
        assertThat(types.isEmpty()).isFalse();
        assertThat(RtxPayloadTypes.none().isEmpty()).isTrue();
        assertThat(types).hasToString("RtxPayloadTypes[97->96, 99->98]");
    }

    @Test
    void refusesAnAmbiguousOrOutOfRangeMappingOfItsOwn() {
        assertThatThrownBy(() -> RtxPayloadTypes.of(Map.of(97, 96, 98, 96))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> RtxPayloadTypes.of(Map.of(97, 96, 96, 95))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> RtxPayloadTypes.of(Map.of(128, 96))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtxPayloadTypes.of(Map.of(97, 97))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesWhatItCanUseOfAPeersFormats() {
        List<RtpFormat> chromium = List.of(
                RtpFormat.of(96, RtpMap.of("VP8", 90_000)),
                RtpFormat.rtx(97, 90_000, 96),
                RtpFormat.of(98, RtpMap.of("VP9", 90_000)),
                RtpFormat.rtx(99, 90_000, 98),
                RtpFormat.rtx(100, 90_000, 96),                                 // a second RTX type for VP8
                RtpFormat.of(101, RtpMap.of("rtx", 90_000)),                    // no apt
                RtpFormat.of(102, RtpMap.of("rtx", 90_000)).withParameters(new FormatParameters("apt=x")));

        RtxPayloadTypes types = RtxPayloadTypes.fromFormats(chromium);

        assertThat(types).hasToString("RtxPayloadTypes[97->96, 99->98]");
    }
}
