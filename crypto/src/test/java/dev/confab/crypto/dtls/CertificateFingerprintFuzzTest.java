package dev.confab.crypto.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the SDP fingerprint parser: any text either parses to a fingerprint that formats and parses back to
 * itself, or fails with {@link FingerprintFormatException}; nothing else escapes. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl crypto test -Dtest=CertificateFingerprintFuzzTest}.
 */
class CertificateFingerprintFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void fingerprintAttribute(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        CertificateFingerprint parsed;
        try {
            parsed = CertificateFingerprint.parse(text);
        } catch (FingerprintFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(CertificateFingerprint.parse(parsed.toSdpValue())).isEqualTo(parsed);
        assertThat(parsed.toSdpValue()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }
}
