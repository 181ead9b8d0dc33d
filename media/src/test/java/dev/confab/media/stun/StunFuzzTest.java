package dev.confab.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for the decoder: any bytes either fail with a reason or decode to a message that can be verified,
 * encoded again and decoded to the same attributes. Nothing may throw. The seeds (in this test's Inputs directory)
 * are the four RFC 5769 samples.
 */
class StunFuzzTest {
    private static final IntegrityKey KEY = IntegrityKey.shortTerm(Rfc5769.SHORT_TERM_PASSWORD);

    @FuzzTest(maxDuration = "3m")
    void decode(byte[] input) {
        switch (StunMessage.decode(input, 0, input.length)) {
            case StunDecoding.Failed failed -> assertThat(failed.detail()).isNotBlank();
            case StunDecoding.Decoded(StunMessage message) -> {
                assertThat(StunMessage.looksLikeStun(input, 0, input.length)).isTrue();
                assertThat(message.verifyIntegrity(KEY)).isNotNull();
                if (input.length < 16_384) { // text with bad UTF-8 grows when encoded again: keep far from the limit
                    encodesBackToTheSameAttributes(message);
                }
            }
        }
    }

    private static void encodesBackToTheSameAttributes(StunMessage message) {
        byte[] again = message.encode(KEY, true);
        StunMessage back = StunRfcVectorsTest.decoded(again);
        assertThat(back.verifyIntegrity(KEY)).isEqualTo(IntegrityVerdict.VALID);
        assertThat(back.method()).isEqualTo(message.method());
        assertThat(back.messageClass()).isEqualTo(message.messageClass());
        assertThat(withoutChecks(back)).isEqualTo(withoutChecks(message));
    }

    private static java.util.List<StunAttribute> withoutChecks(StunMessage message) {
        return message.attributes().stream()
                .filter(a -> !(a instanceof IntegrityAttribute || a instanceof Fingerprint)).toList();
    }
}
