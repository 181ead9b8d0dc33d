package dev.confab.crypto.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.identity.IdentityKeyPair;
import dev.confab.testkit.TestRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedFingerprintStatementTest {

    private static final CertificateFingerprint CALLER_FP = CertificateFingerprint.ofDigest(filled(0xaa));
    private static final CertificateFingerprint CALLEE_FP = CertificateFingerprint.ofDigest(filled(0xbb));

    private final IdentityKeyPair caller = IdentityKeyPair.generate(TestRandom.seeded(1));
    private final IdentityKeyPair callee = IdentityKeyPair.generate(TestRandom.seeded(2));
    private final FingerprintStatement offer =
            new FingerprintStatement("call-1", "alice", "bob", BindingRole.OFFER, CALLER_FP);

    @Test
    void aStatementVerifiesAfterTheRoundTrip() {
        String wire = offer.sign(caller).encode();

        SignedFingerprintStatement received = SignedFingerprintStatement.decode(wire);
        received.verify(caller.publicKeyBytes(), offer);

        assertThat(received.statement()).isEqualTo(offer);
    }

    /** The wire format, pinned: version 1, role 1, three length-prefixed ids, hash 1, digest, signature. */
    @Test
    void theEncodingIsStable() {
        byte[] wire = Base64.getDecoder().decode(offer.sign(caller).encode());

        assertThat(HexFormat.of().formatHex(wire, 0, 19 + 1 + 32)).isEqualTo("0101" + "0663616c6c2d31"
                + "05616c696365" + "03626f62" + "01" + "aa".repeat(32));
        assertThat(wire).hasSize(19 + 1 + 32 + 64);
    }

    @Test
    void anAnswerVerifiesWithTheCalleesKey() {
        FingerprintStatement answer = new FingerprintStatement("call-1", "alice", "bob", BindingRole.ANSWER,
                CALLEE_FP);

        SignedFingerprintStatement.decode(answer.sign(callee).encode()).verify(callee.publicKeyBytes(), answer);
    }

    @Test
    void aChangedByteAnywhereIsRejected() {
        byte[] wire = Base64.getDecoder().decode(offer.sign(caller).encode());
        for (int i = 0; i < wire.length; i++) {
            byte[] tampered = wire.clone();
            tampered[i] ^= 0x01;
            String text = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> SignedFingerprintStatement.decode(text).verify(caller.publicKeyBytes(), offer))
                    .as("byte %d changed", i)
                    .isInstanceOf(BindingException.class)
                    .extracting(e -> ((BindingException) e).reason())
                    .isIn(BindingException.Reason.MALFORMED, BindingException.Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void aTamperedCallIdFailsTheSignature() {
        String forged = new FingerprintStatement("call-2", "alice", "bob", BindingRole.OFFER, CALLER_FP)
                .sign(callee).encode();
        byte[] wire = Base64.getDecoder().decode(offer.sign(caller).encode());
        byte[] other = Base64.getDecoder().decode(forged);
        System.arraycopy(other, other.length - 64, wire, wire.length - 64, 64);

        assertReason(() -> SignedFingerprintStatement.decode(Base64.getEncoder().encodeToString(wire))
                .verify(caller.publicKeyBytes(), offer), BindingException.Reason.BAD_SIGNATURE);
    }

    @Test
    void aStatementFromAnotherCallIsAReplay() {
        FingerprintStatement expected = new FingerprintStatement("call-2", "alice", "bob", BindingRole.OFFER,
                CALLER_FP);

        assertReason(() -> SignedFingerprintStatement.decode(offer.sign(caller).encode())
                .verify(caller.publicKeyBytes(), expected), BindingException.Reason.WRONG_CALL);
    }

    @Test
    void anOffersStatementIsNotAnAnswers() {
        FingerprintStatement expected = new FingerprintStatement("call-1", "alice", "bob", BindingRole.ANSWER,
                CALLER_FP);

        assertReason(() -> SignedFingerprintStatement.decode(offer.sign(caller).encode())
                .verify(caller.publicKeyBytes(), expected), BindingException.Reason.WRONG_ROLE);
    }

    @Test
    void swappedCallersAreOtherParties() {
        FingerprintStatement expected = new FingerprintStatement("call-1", "bob", "alice", BindingRole.OFFER,
                CALLER_FP);

        assertReason(() -> SignedFingerprintStatement.decode(offer.sign(caller).encode())
                .verify(caller.publicKeyBytes(), expected), BindingException.Reason.WRONG_PARTIES);
    }

    @Test
    void anotherIdentityKeyFailsTheSignature() {
        assertReason(() -> SignedFingerprintStatement.decode(offer.sign(caller).encode())
                .verify(callee.publicKeyBytes(), offer), BindingException.Reason.BAD_SIGNATURE);
        assertReason(() -> SignedFingerprintStatement.decode(offer.sign(callee).encode())
                .verify(caller.publicKeyBytes(), offer), BindingException.Reason.BAD_SIGNATURE);
    }

    @Test
    void aRewrittenSdpFingerprintIsCaught() {
        FingerprintStatement expected = new FingerprintStatement("call-1", "alice", "bob", BindingRole.OFFER,
                CALLEE_FP);

        assertReason(() -> SignedFingerprintStatement.decode(offer.sign(caller).encode())
                .verify(caller.publicKeyBytes(), expected), BindingException.Reason.FINGERPRINT_MISMATCH);
    }

    @Test
    void theLargestStatementFitsTheSignalingLimit() {
        String id = "\u00e9".repeat(FingerprintStatement.MAX_ID_BYTES / 2);
        FingerprintStatement largest = new FingerprintStatement(id, id, id, BindingRole.ANSWER, CALLEE_FP);

        String wire = largest.sign(callee).encode();

        assertThat(wire.length()).isLessThanOrEqualTo(SignedFingerprintStatement.MAX_ENCODED_LENGTH);
        SignedFingerprintStatement.decode(wire).verify(callee.publicKeyBytes(), largest);
        assertThatThrownBy(() -> new FingerprintStatement("x".repeat(256), "a", "b", BindingRole.OFFER, CALLEE_FP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FingerprintStatement("\ud800", "a", "b", BindingRole.OFFER, CALLEE_FP))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not base64!", "AQ==", "AgEB", "AQMBYQFiAWMB",
        "AQEBYQFiAWMB" + "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq=",
        "AQEAAWIBYwE=", "AQEB/wFiAWMB",
    })
    void malformedTextIsRefusedBeforeAnyCheck(String text) {
        assertReason(() -> SignedFingerprintStatement.decode(text), BindingException.Reason.MALFORMED);
    }

    @Test
    void overlongTextIsRefusedUnread() {
        assertReason(() -> SignedFingerprintStatement.decode("A".repeat(2049)), BindingException.Reason.MALFORMED);
        assertReason(() -> SignedFingerprintStatement.decode(null), BindingException.Reason.MALFORMED);
    }

    private static void assertReason(ThrowableAssert.ThrowingCallable call, BindingException.Reason reason) {
        assertThatThrownBy(call).isInstanceOf(BindingException.class)
                .extracting(e -> ((BindingException) e).reason()).isEqualTo(reason);
    }

    private static byte[] filled(int value) {
        byte[] digest = new byte[32];
        java.util.Arrays.fill(digest, (byte) value);
        return digest;
    }
}
