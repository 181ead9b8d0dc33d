package dev.confab.crypto.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8032 section 7.1: test vectors for Ed25519, through {@link IdentityKeyPair}. */
class Ed25519RfcVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> vectors() throws Exception {
        return Stream.of(
                Arguments.of("TEST 1",
                        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                        "",
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                Arguments.of("TEST 2",
                        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                        "72",
                        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
                Arguments.of("TEST 3",
                        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                        "af82",
                        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                                + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
                // The message of TEST SHA(abc) is the 64-byte SHA-512 of "abc".
                Arguments.of("TEST SHA(abc)",
                        "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
                        "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
                        HEX.formatHex(MessageDigest.getInstance("SHA-512").digest("abc".getBytes(StandardCharsets.US_ASCII))),
                        "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
                                + "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void publicKeyFromSecretKey(String name, String secret, String publicKey, String message, String signature) {
        IdentityKeyPair pair = IdentityKeyPair.fromPrivateKeyBytes(HEX.parseHex(secret));

        assertThat(HEX.formatHex(pair.publicKeyBytes())).isEqualTo(publicKey);
        assertThat(HEX.formatHex(pair.privateKeyBytes())).isEqualTo(secret);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signatureMatchesAndVerifies(String name, String secret, String publicKey, String message, String signature) {
        IdentityKeyPair pair = IdentityKeyPair.fromPrivateKeyBytes(HEX.parseHex(secret));

        assertThat(HEX.formatHex(pair.sign(HEX.parseHex(message)))).isEqualTo(signature);
        assertThat(IdentityKeyPair.verify(HEX.parseHex(publicKey), HEX.parseHex(message), HEX.parseHex(signature)))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void modifiedMessageDoesNotVerify(String name, String secret, String publicKey, String message, String signature) {
        byte[] longer = HEX.parseHex(message + "00");

        assertThat(IdentityKeyPair.verify(HEX.parseHex(publicKey), longer, HEX.parseHex(signature))).isFalse();
        if (!message.isEmpty()) {
            byte[] flipped = HEX.parseHex(message);
            flipped[0] ^= 0x01;
            assertThat(IdentityKeyPair.verify(HEX.parseHex(publicKey), flipped, HEX.parseHex(signature))).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void modifiedSignatureDoesNotVerify(
            String name, String secret, String publicKey, String message, String signature) {
        // Flip one bit in every byte of R and S in turn.
        for (int i = 0; i < IdentityKeyPair.SIGNATURE_LENGTH; i++) {
            byte[] modified = HEX.parseHex(signature);
            modified[i] ^= (byte) (1 << (i % 8));
            assertThat(IdentityKeyPair.verify(HEX.parseHex(publicKey), HEX.parseHex(message), modified))
                    .as("bit flipped in signature byte %d", i)
                    .isFalse();
        }
    }
}
