package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The recorded Chromium offer and answer, without a browser: they parse into what Chromium means, and written back
 * they hold the same lines (the answer byte for byte, since Confab's canonical order is Chromium's).
 */
class ChromiumFixturesTest {

    @Test
    void theOfferParsesIntoWhatChromiumMeans() throws Exception {
        SessionDescription offer = SessionDescription.parse(Fixtures.text(Fixtures.CHROMIUM_OFFER));

        ChromiumOfferAssertions.assertChromiumOffer(offer);
        assertThat(offer.media()).allSatisfy(m -> assertThat(m.attributes())
                .containsExactly(Attribute.of("rtcp-xr", "rcvr-rtt=all")));
    }

    @Test
    void theAnswerParsesIntoWhatChromiumMeans() throws Exception {
        ChromiumAnswerAssertions.assertChromiumAnswer(
                SessionDescription.parse(Fixtures.text(Fixtures.CHROMIUM_ANSWER)));
    }

    @Test
    void theAnswerIsWrittenBackByteForByte() {
        String text = Fixtures.text(Fixtures.CHROMIUM_ANSWER);

        assertThat(Fixtures.parsed(Fixtures.CHROMIUM_ANSWER).toSdp()).isEqualTo(text);
    }

    @Test
    void theOfferIsWrittenBackWithTheSameLinesAndOnlyTheUnknownAttributeMoved() throws Exception {
        String text = Fixtures.text(Fixtures.CHROMIUM_OFFER);
        SessionDescription offer = SessionDescription.parse(text);

        String written = offer.toSdp();

        assertThat(sortedLines(written)).isEqualTo(sortedLines(text));
        assertThat(written.replace("a=rtcp-xr:rcvr-rtt=all\r\n", ""))
                .isEqualTo(text.replace("a=rtcp-xr:rcvr-rtt=all\r\n", ""));
        assertThat(SessionDescription.parse(written)).isEqualTo(offer);
    }

    @Test
    void lineFeedsAloneReadTheSameAsCrLf() throws Exception {
        String text = Fixtures.text(Fixtures.CHROMIUM_OFFER);

        assertThat(SessionDescription.parse(text.replace("\r\n", "\n"))).isEqualTo(SessionDescription.parse(text));
        assertThat(SessionDescription.parse(text.stripTrailing())).isEqualTo(SessionDescription.parse(text));
    }

    @Test
    void theWrittenTextEndsEveryLineWithCrLf() {
        String written = Fixtures.parsed(Fixtures.CHROMIUM_OFFER).toSdp();

        assertThat(written).endsWith("\r\n");
        assertThat(written.replace("\r\n", "")).doesNotContain("\r", "\n");
    }

    @Test
    void candidatesKeepTheirExtensionsInOrder() {
        Candidate first = Fixtures.parsed(Fixtures.CHROMIUM_OFFER).media().getFirst().candidates().getFirst();

        assertThat(first.extensions()).extracting(CandidateExtension::name)
                .startsWith("generation", "network-id");
        assertThat(first.extension("network-id")).isNotEqualTo(Optional.empty());
    }

    private static String[] sortedLines(String text) {
        String[] lines = text.split("\r\n");
        Arrays.sort(lines);
        return lines;
    }
}
