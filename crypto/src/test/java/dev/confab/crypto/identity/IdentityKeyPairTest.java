package dev.confab.crypto.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.testkit.TestRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityKeyPairTest {

    private static final byte[] MESSAGE = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void generateIsReproducibleFromTheSameRandomness() {
        IdentityKeyPair first = IdentityKeyPair.generate(TestRandom.seeded(1));
        IdentityKeyPair second = IdentityKeyPair.generate(TestRandom.seeded(1));
        IdentityKeyPair other = IdentityKeyPair.generate(TestRandom.seeded(2));

        assertThat(second.publicKeyBytes()).isEqualTo(first.publicKeyBytes());
        assertThat(other.publicKeyBytes()).isNotEqualTo(first.publicKeyBytes());
        assertThat(first.publicKeyBytes()).hasSize(IdentityKeyPair.PUBLIC_KEY_LENGTH);
    }

    @Test
    void restoredKeySignsIdentically() {
        IdentityKeyPair original = IdentityKeyPair.generate(TestRandom.seeded(3));
        IdentityKeyPair restored = IdentityKeyPair.fromPrivateKeyBytes(original.privateKeyBytes());

        assertThat(restored.publicKeyBytes()).isEqualTo(original.publicKeyBytes());
        assertThat(restored.sign(MESSAGE)).isEqualTo(original.sign(MESSAGE));
    }

    @Test
    void signatureVerifiesOnlyUnderItsOwnKey() {
        IdentityKeyPair signer = IdentityKeyPair.generate(TestRandom.seeded(4));
        IdentityKeyPair other = IdentityKeyPair.generate(TestRandom.seeded(5));
        byte[] signature = signer.sign(MESSAGE);

        assertThat(signature).hasSize(IdentityKeyPair.SIGNATURE_LENGTH);
        assertThat(IdentityKeyPair.verify(signer.publicKeyBytes(), MESSAGE, signature)).isTrue();
        assertThat(IdentityKeyPair.verify(other.publicKeyBytes(), MESSAGE, signature)).isFalse();
    }

    @Test
    void verifyIsFalseForMalformedInput() {
        IdentityKeyPair signer = IdentityKeyPair.generate(TestRandom.seeded(6));
        byte[] key = signer.publicKeyBytes();
        byte[] signature = signer.sign(MESSAGE);

        assertThat(IdentityKeyPair.verify(null, MESSAGE, signature)).isFalse();
        assertThat(IdentityKeyPair.verify(key, null, signature)).isFalse();
        assertThat(IdentityKeyPair.verify(key, MESSAGE, null)).isFalse();
        assertThat(IdentityKeyPair.verify(Arrays.copyOf(key, 31), MESSAGE, signature)).isFalse();
        assertThat(IdentityKeyPair.verify(Arrays.copyOf(key, 33), MESSAGE, signature)).isFalse();
        assertThat(IdentityKeyPair.verify(key, MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(IdentityKeyPair.verify(key, MESSAGE, Arrays.copyOf(signature, 65))).isFalse();
        assertThat(IdentityKeyPair.verify(key, MESSAGE, new byte[64])).isFalse();
    }

    /** Keys that do not decode: y = p (non-canonical), y = 2^255 - 1, and y = 2, which is not on the curve. */
    @ParameterizedTest
    @ValueSource(strings = {
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0200000000000000000000000000000000000000000000000000000000000000",
    })
    void verifyIsFalseForUndecodableKeys(String key) {
        byte[] signature = IdentityKeyPair.generate(TestRandom.seeded(7)).sign(MESSAGE);

        assertThat(IdentityKeyPair.verify(HexFormat.of().parseHex(key), MESSAGE, signature)).isFalse();
    }

    @Test
    void verifyIsFalseForSAboveTheGroupOrder() {
        IdentityKeyPair signer = IdentityKeyPair.generate(TestRandom.seeded(8));
        byte[] signature = signer.sign(MESSAGE);
        Arrays.fill(signature, 32, 64, (byte) 0xff);

        assertThat(IdentityKeyPair.verify(signer.publicKeyBytes(), MESSAGE, signature)).isFalse();
    }

    @Test
    void privateKeyMustBe32Bytes() {
        assertThatThrownBy(() -> IdentityKeyPair.fromPrivateKeyBytes(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void returnedKeysAreCopies() {
        IdentityKeyPair pair = IdentityKeyPair.generate(TestRandom.seeded(9));
        byte[] publicKey = pair.publicKeyBytes();
        byte[] privateKey = pair.privateKeyBytes();
        publicKey[0] ^= 1;
        privateKey[0] ^= 1;

        assertThat(pair.publicKeyBytes()).isNotEqualTo(publicKey);
        assertThat(pair.privateKeyBytes()).isNotEqualTo(privateKey);
    }
}
