package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the SDP parser and what follows it: any text either fails with {@link SdpParseException} or parses into a
 * model that is written and read back equal (and written the same again); an offer that parses is either answered or
 * refused with {@link SdpNegotiationException}. Nothing else may escape. The seed corpus
 * ({@code SdpParserFuzzTestInputs/sessionDescription}) holds the Chromium fixtures, a Confab offer and an SDP full of
 * unmodelled lines. To fuzz: {@code JAZZER_FUZZ=1 ./mvnw -o -pl media test -Dtest=SdpParserFuzzTest}.
 */
class SdpParserFuzzTest {
    private static final AnswerOptions OPTIONS = AnswerOptions.of(1, TestTransports.transport(9),
            TestTransports.OPUS_VP8);

    @FuzzTest(maxDuration = "3m")
    void sessionDescription(byte[] input) throws SdpParseException {
        SessionDescription parsed;
        try {
            parsed = SessionDescription.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        String written = parsed.toSdp();
        SessionDescription again = SessionDescription.parse(written);
        assertThat(again).isEqualTo(parsed);
        assertThat(again.toSdp()).isEqualTo(written);
        try {
            SessionDescription answer = JsepAnswers.create(parsed, OPTIONS);
            assertThat(SessionDescription.parse(answer.toSdp())).isEqualTo(answer);
        } catch (SdpNegotiationException e) {
            assertThat(e.reason()).isNotNull();
        }
    }
}
