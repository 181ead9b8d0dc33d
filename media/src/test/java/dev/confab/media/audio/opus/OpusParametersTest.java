package dev.confab.media.audio.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.sdp.FormatParameters;
import dev.confab.media.sdp.RtpFormat;
import dev.confab.media.sdp.RtpMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7587 section 6.1 parameters read from and written to {@code a=rtpmap}/{@code a=fmtp}. */
class OpusParametersTest {

    private static RtpFormat opus(String fmtp) {
        return RtpFormat.of(111, OpusParameters.RTP_MAP).withParameters(new FormatParameters(fmtp));
    }

    @Test
    void readsChromiumsOffer() {
        assertThat(OpusParameters.of(opus("minptime=10;useinbandfec=1"))).isEqualTo(new OpusParameters(10, true,
                false, false, false, 510_000, 48_000, false));
    }

    @Test
    void readsEveryParameter() {
        assertThat(OpusParameters.of(opus("minptime=20; useinbandfec=1;usedtx=1;stereo=1;sprop-stereo=1;"
                + "maxaveragebitrate=20000;maxplaybackrate=16000;cbr=1;x-unknown=7")))
                .isEqualTo(new OpusParameters(20, true, true, true, true, 20_000, 16_000, true));
    }

    @Test
    void withoutFmtpTakesTheRfcDefaults() {
        assertThat(OpusParameters.of(RtpFormat.of(96, RtpMap.of("OPUS", 48_000, 2))))
                .isEqualTo(OpusParameters.DEFAULTS);
    }

    @Test
    void confabOffersItsParametersAndReadsThemBack() {
        RtpFormat format = OpusParameters.CONFAB.rtpFormat(111);

        assertThat(format.parameters()).contains(new FormatParameters("minptime=10;useinbandfec=1;usedtx=1"));
        assertThat(OpusParameters.of(format)).isEqualTo(OpusParameters.CONFAB);
        assertThat(OpusParameters.DEFAULTS.rtpFormat(111).parameters()).isEmpty();
        OpusParameters all = new OpusParameters(20, true, true, true, true, 20_000, 16_000, true);
        assertThat(OpusParameters.of(all.rtpFormat(100))).isEqualTo(all);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "useinbandfec=yes       | useinbandfec=yes is not 0 or 1",
        "maxaveragebitrate=5999 | maxaveragebitrate=5999 is outside 6000-510000",
        "maxplaybackrate=96000  | maxplaybackrate=96000 is outside 8000-48000",
        "minptime=2             | minptime=2 is outside 3-120",
        "minptime=ten           | minptime=ten is not a number",
    })
    void refusesValuesTheRfcDoesNotAllow(String fmtp, String message) {
        assertThatThrownBy(() -> OpusParameters.of(opus(fmtp))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refusesAnythingButOpus48000Over2() {
        assertThatThrownBy(() -> OpusParameters.of(RtpFormat.of(111, RtpMap.of("opus", 48_000, 1))))
                .hasMessage("payload type 111 is opus/48000/1, not opus/48000/2");
        assertThatThrownBy(() -> OpusParameters.of(RtpFormat.of(9, RtpMap.of("G722", 8000, 1))))
                .hasMessageContaining("G722/8000/1, not opus/48000/2");
    }
}
