package dev.confab.crypto.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.TestRandom;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {

    @Test
    void isASelfSignedEcdsaP256CertificateValidForTheCall() throws Exception {
        DtlsCertificate certificate = DtlsTestPeers.certificate(1);

        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.der()));

        assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(x509.getPublicKey().getEncoded()).as("named curve secp256r1 (OID 1.2.840.10045.3.1.7)")
                .containsSequence(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07);
        x509.verify(x509.getPublicKey());
        assertThat(x509.getSubjectX500Principal()).isEqualTo(x509.getIssuerX500Principal());
        Instant now = DtlsTestPeers.CLOCK.instant();
        assertThat(x509.getNotBefore().toInstant()).isEqualTo(now.minus(DtlsCertificate.BACKDATE));
        assertThat(x509.getNotAfter().toInstant()).isEqualTo(now.plus(DtlsCertificate.VALIDITY));
        assertThat(x509.getSerialNumber()).isPositive();
        assertThat(certificate.fingerprint()).isEqualTo(CertificateFingerprint.of(certificate.der()));
    }

    @Test
    void eachCallGetsItsOwnKeyAndFingerprint() {
        DtlsCertificate first = DtlsCertificate.generate(TestRandom.seeded(5), DtlsTestPeers.CLOCK);
        DtlsCertificate again = DtlsCertificate.generate(TestRandom.seeded(5), DtlsTestPeers.CLOCK);
        DtlsCertificate other = DtlsCertificate.generate(TestRandom.seeded(6), DtlsTestPeers.CLOCK);

        assertThat(again.fingerprint()).as("seeded randomness reproduces").isEqualTo(first.fingerprint());
        assertThat(other.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(other.toString()).contains(other.fingerprint().toSdpValue());
    }
}
