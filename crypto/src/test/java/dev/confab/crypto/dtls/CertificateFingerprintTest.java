package dev.confab.crypto.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateFingerprintTest {

    /** SHA-256("abc"), FIPS 180-2 appendix B.1, in RFC 8122's notation. */
    private static final String ABC = "sha-256 BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:"
            + "B4:10:FF:61:F2:00:15:AD";

    @Test
    void formatsAsUpperCaseColonSeparatedHex() {
        CertificateFingerprint fingerprint = CertificateFingerprint.of("abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(fingerprint.toSdpValue()).isEqualTo(ABC);
        assertThat(fingerprint.matches("abc".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(fingerprint.matches("abd".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ABC,
        "a=fingerprint:" + ABC,
        "  SHA-256 ba:78:16:bf:8f:01:cf:ea:41:41:40:de:5d:ae:22:23:b0:03:61:a3:96:17:7a:9c:b4:10:ff:61:f2:00:15:ad\r\n",
    })
    void parsesTheValueOrTheWholeLineInEitherCase(String text) {
        CertificateFingerprint parsed = CertificateFingerprint.parse(text);

        assertThat(parsed).isEqualTo(CertificateFingerprint.of("abc".getBytes(StandardCharsets.US_ASCII)));
        assertThat(parsed.toSdpValue()).isEqualTo(ABC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sha-1 A9:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D | unsupported fingerprint hash function 'sha-1'",
        "sha-256                                                          | fingerprint needs a hash function",
        "sha-256 BA:78:16:BF                                              | 32 colon-separated hex bytes",
        "sha-256 BA-78-16-BF-8F-01-CF-EA-41-41-40-DE-5D-AE-22-23-B0-03-61-A3-96-17-7A-9C-B4-10-FF-61-F2-00-15-AD | not colon-separated hex",
        "sha-256 ZZ:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD | not colon-separated hex",
        "md5\u0000\u0001 AB                                                | unsupported fingerprint hash function 'md5??'",
    })
    void rejectsWhatIsNotASha256FingerprintWithAReason(String text, String reason) {
        assertThatThrownBy(() -> CertificateFingerprint.parse(text))
                .isInstanceOf(FingerprintFormatException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsNullAndOverlongInputBeforeLookingAtIt() {
        assertThatThrownBy(() -> CertificateFingerprint.parse(null)).isInstanceOf(FingerprintFormatException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256 " + "A".repeat(1 << 20)))
                .isInstanceOf(FingerprintFormatException.class).hasMessageContaining("longer than 256");
    }

    @Test
    void digestsAreCopiedAndCompared() {
        byte[] digest = new byte[32];
        CertificateFingerprint fingerprint = CertificateFingerprint.ofDigest(digest);
        digest[0] = 1;

        assertThat(fingerprint.digest()).containsOnly(0);
        assertThat(fingerprint).isEqualTo(CertificateFingerprint.ofDigest(new byte[32]))
                .hasSameHashCodeAs(CertificateFingerprint.ofDigest(new byte[32]))
                .isNotEqualTo(CertificateFingerprint.ofDigest(digest));
        assertThatThrownBy(() -> CertificateFingerprint.ofDigest(new byte[20]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
