package dev.confab.crypto.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.crypto.CryptoException;
import dev.confab.testkit.TestRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgreementKeyPairTest {

    @Test
    void bothSidesAgree() {
        AgreementKeyPair alice = AgreementKeyPair.generate(TestRandom.seeded(1));
        AgreementKeyPair bob = AgreementKeyPair.generate(TestRandom.seeded(2));

        byte[] shared = alice.agree(bob.publicKeyBytes());
        assertThat(shared).hasSize(32).isEqualTo(bob.agree(alice.publicKeyBytes()));
    }

    @Test
    void restoredKeyHasTheSamePublicKey() {
        AgreementKeyPair original = AgreementKeyPair.generate(TestRandom.seeded(3));
        AgreementKeyPair restored = AgreementKeyPair.fromPrivateKeyBytes(original.privateKeyBytes());

        assertThat(restored.publicKeyBytes()).isEqualTo(original.publicKeyBytes());
    }

    @Test
    void topBitOfThePeerKeyIsIgnored() {
        AgreementKeyPair self = AgreementKeyPair.generate(TestRandom.seeded(4));
        byte[] peer = AgreementKeyPair.generate(TestRandom.seeded(5)).publicKeyBytes();
        byte[] peerWithTopBit = peer.clone();
        peerWithTopBit[31] |= (byte) 0x80;

        assertThat(self.agree(peerWithTopBit)).isEqualTo(self.agree(peer));
    }

    /**
     * Points whose shared secret is all zeros: u = 0, u = 1, the two points of order 8, and p - 1, p, p + 1
     * (the last two are non-canonical encodings of 0 and 1).
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    })
    void lowOrderPeerKeyIsRejected(String peer) {
        AgreementKeyPair self = AgreementKeyPair.generate(TestRandom.seeded(6));

        assertThatThrownBy(() -> self.agree(HexFormat.of().parseHex(peer)))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("low-order");
    }

    @Test
    void peerKeyMustBe32Bytes() {
        AgreementKeyPair self = AgreementKeyPair.generate(TestRandom.seeded(7));

        assertThatThrownBy(() -> self.agree(new byte[31])).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> self.agree(new byte[33])).isInstanceOf(CryptoException.class);
    }

    @Test
    void privateKeyMustBe32Bytes() {
        assertThatThrownBy(() -> AgreementKeyPair.fromPrivateKeyBytes(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
