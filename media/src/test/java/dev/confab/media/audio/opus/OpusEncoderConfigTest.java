package dev.confab.media.audio.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the peer's fmtp narrows Confab's encoder configuration (RFC 7587 section 7.1). */
class OpusEncoderConfigTest {

    @Test
    void aConfabPeerKeepsFecAndDtx() {
        assertThat(OpusEncoderConfig.DEFAULT.negotiatedWith(OpusParameters.CONFAB))
                .isEqualTo(OpusEncoderConfig.DEFAULT);
    }

    @Test
    void chromiumsOfferTurnsDtxOffForItDidNotAskForIt() {
        OpusParameters chromium = new OpusParameters(10, true, false, false, false, 510_000, 48_000, false);

        OpusEncoderConfig config = OpusEncoderConfig.DEFAULT.negotiatedWith(chromium);

        assertThat(config.dtx()).isFalse();
        assertThat(config.inbandFec()).isTrue();
        assertThat(config.frameMillis()).isEqualTo(20);
    }

    @Test
    void aPeerWithoutFmtpGetsNeitherFecNorDtx() {
        OpusEncoderConfig config = OpusEncoderConfig.DEFAULT.negotiatedWith(OpusParameters.DEFAULTS);

        assertThat(config.inbandFec()).isFalse();
        assertThat(config.dtx()).isFalse();
        assertThat(config.channels()).isEqualTo(1);
    }

    @Test
    void capsBitrateAndBandwidthAndLengthensFrames() {
        OpusParameters narrow = new OpusParameters(30, true, true, true, false, 16_000, 16_000, true);

        OpusEncoderConfig config = OpusEncoderConfig.DEFAULT.negotiatedWith(narrow);

        assertThat(config.bitrate()).isEqualTo(16_000);
        assertThat(config.maxBandwidth()).isEqualTo(OpusBandwidth.WIDEBAND);
        assertThat(config.frameMillis()).isEqualTo(40);
        assertThat(config.cbr()).isTrue();
        assertThat(config.channels()).as("stereo is Confab's choice too, and it is off").isEqualTo(1);
    }

    @Test
    void stereoNeedsBothSides() {
        OpusEncoderConfig stereo = new OpusEncoderConfig(2, 20, 64_000, 9, true, true, 0, OpusBandwidth.FULLBAND,
                false);
        OpusParameters wantsStereo = new OpusParameters(0, true, true, true, false, 510_000, 48_000, false);

        assertThat(stereo.negotiatedWith(wantsStereo).channels()).isEqualTo(2);
        assertThat(stereo.negotiatedWith(OpusParameters.CONFAB).channels()).isEqualTo(1);
    }

    @Test
    void playbackRatesMapToTheWidestBandwidthTheyCarry() {
        assertThat(OpusBandwidth.forPlaybackRate(8000)).isEqualTo(OpusBandwidth.NARROWBAND);
        assertThat(OpusBandwidth.forPlaybackRate(22_050)).isEqualTo(OpusBandwidth.WIDEBAND);
        assertThat(OpusBandwidth.forPlaybackRate(48_000)).isEqualTo(OpusBandwidth.FULLBAND);
    }

    @Test
    void refusesWhatLibopusWouldNot() {
        assertThatThrownBy(() -> new OpusEncoderConfig(3, 20, 32_000, 9, true, true, 0, OpusBandwidth.FULLBAND, false))
                .hasMessage("channels 3 is not 1 or 2");
        assertThatThrownBy(() -> new OpusEncoderConfig(1, 30, 32_000, 9, true, true, 0, OpusBandwidth.FULLBAND, false))
                .hasMessage("frame duration 30 ms is not 10, 20, 40 or 60");
        assertThatThrownBy(() -> new OpusEncoderConfig(1, 20, 32_000, 11, true, true, 0, OpusBandwidth.FULLBAND, false))
                .hasMessage("complexity 11 is outside 0-10");
    }
}
