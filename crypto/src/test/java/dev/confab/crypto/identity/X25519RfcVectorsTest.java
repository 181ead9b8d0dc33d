package dev.confab.crypto.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7748 sections 5.2 and 6.1: X25519 test vectors, through {@link AgreementKeyPair}. */
class X25519RfcVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Section 5.2: X25519(k, u) for one input scalar and u-coordinate. The second u has its top bit set. */
    @ParameterizedTest
    @CsvSource({
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4,"
                + "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c,"
                + "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d,"
                + "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493,"
                + "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957",
    })
    void scalarMultiplication(String scalar, String u, String expected) {
        AgreementKeyPair key = AgreementKeyPair.fromPrivateKeyBytes(HEX.parseHex(scalar));

        assertThat(HEX.formatHex(key.agree(HEX.parseHex(u)))).isEqualTo(expected);
    }

    /** Section 5.2, iterated: k = u = 9, then k, u = X25519(k, u), k; checked after 1 and 1000 rounds. */
    @Test
    void iteratedScalarMultiplication() {
        byte[] k = Arrays.copyOf(new byte[] {9}, 32);
        byte[] u = k.clone();
        for (int round = 1; round <= 1000; round++) {
            byte[] next = AgreementKeyPair.fromPrivateKeyBytes(k).agree(u);
            u = k;
            k = next;
            if (round == 1) {
                assertThat(HEX.formatHex(k))
                        .isEqualTo("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
            }
        }
        assertThat(HEX.formatHex(k)).isEqualTo("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
    }

    /** Section 6.1: Alice's and Bob's public keys, and the shared secret both ways. */
    @Test
    void diffieHellman() {
        AgreementKeyPair alice = AgreementKeyPair.fromPrivateKeyBytes(
                HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        AgreementKeyPair bob = AgreementKeyPair.fromPrivateKeyBytes(
                HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

        assertThat(HEX.formatHex(alice.publicKeyBytes()))
                .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(HEX.formatHex(bob.publicKeyBytes()))
                .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        assertThat(HEX.formatHex(alice.agree(bob.publicKeyBytes()))).isEqualTo(shared);
        assertThat(HEX.formatHex(bob.agree(alice.publicKeyBytes()))).isEqualTo(shared);
    }
}
