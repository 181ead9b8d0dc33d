package dev.confab.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.confab.media.sdp.Candidate;
import dev.confab.media.sdp.SdpParseException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the path a trickled candidate of the peer takes: whatever parses is either a usable candidate at an IP
 * address with a priority ICE allows, or skipped with a reason; nothing throws and nothing is looked up. The seed
 * corpus ({@code SdpCandidatesFuzzTestInputs/fromSdp}) holds Chromium's kinds and the skip reasons. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl media test -Dtest=SdpCandidatesFuzzTest}.
 */
class SdpCandidatesFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void fromSdp(byte[] input) {
        Candidate candidate;
        try {
            candidate = Candidate.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SdpParseException e) {
            return;
        }
        switch (SdpCandidates.fromSdp(candidate)) {
            case CandidateConversion.Usable usable -> {
                assertThat(usable.candidate().address().isUnresolved()).isFalse();
                assertThat(usable.candidate().address().getPort()).isEqualTo(candidate.port()).isPositive();
            }
            case CandidateConversion.Skipped skipped -> assertThat(skipped.reason()).isNotNull();
        }
    }
}
