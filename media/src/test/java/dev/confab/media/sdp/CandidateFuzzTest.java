package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the ICE candidate parser as trickle ICE feeds it: any text either fails with {@link SdpParseException} or
 * parses into a candidate that formats and parses back to itself. The seed corpus
 * ({@code CandidateFuzzTestInputs/candidate}) holds Chromium's candidate kinds. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl media test -Dtest=CandidateFuzzTest}.
 */
class CandidateFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void candidate(byte[] input) throws SdpParseException {
        Candidate parsed;
        try {
            parsed = Candidate.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(Candidate.parse(parsed.toAttribute())).isEqualTo(parsed);
    }
}
