package dev.confab.crypto.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.identity.IdentityKeyPair;
import dev.confab.testkit.TestRandom;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the decoder of the signaling {@code signature} field and the verification after it: any text either
 * fails with {@link BindingException} or decodes to a statement that encodes back to the same text; only the
 * seed that the fixed key really signed verifies. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl crypto test -Dtest=SignedFingerprintStatementFuzzTest}.
 */
class SignedFingerprintStatementFuzzTest {

    private static final IdentityKeyPair SIGNER = IdentityKeyPair.generate(TestRandom.seeded(1));
    private static final FingerprintStatement EXPECTED = new FingerprintStatement("call-1", "alice", "bob",
            BindingRole.OFFER, CertificateFingerprint.ofDigest(new byte[32]));

    @FuzzTest(maxDuration = "5m")
    void signatureField(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SignedFingerprintStatement decoded;
        try {
            decoded = SignedFingerprintStatement.decode(text);
        } catch (BindingException e) {
            assertThat(e.reason()).isEqualTo(BindingException.Reason.MALFORMED);
            return;
        }
        assertThat(SignedFingerprintStatement.decode(decoded.encode()).statement()).isEqualTo(decoded.statement());
        try {
            decoded.verify(SIGNER.publicKeyBytes(), EXPECTED);
            assertThat(decoded.statement()).isEqualTo(EXPECTED);
        } catch (BindingException e) {
            assertThat(e.reason()).isNotEqualTo(BindingException.Reason.MALFORMED);
        }
    }
}
