package dev.confab.crypto.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 7714 test vectors: section 16.1 (SRTP AEAD_AES_128_GCM, 16.1.1 encryption and 16.1.2 decryption), 16.2
 * (SRTCP AEAD_AES_128_GCM, encrypted and authentication-only), and section 17, the same packets under
 * AEAD_AES_256_GCM. The RFC gives session keys and salts, so these start from them rather than from a master key.
 */
class AesGcmRfcVectorsTest {
    private static final byte[] SALT = Hex.bytes("517569642070726f2071756f");
    private static final String RTP_PLAIN = """
            8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973 20646976
            69736120 696e2070 61727465 73207472 6573""";
    private static final String RTCP_PLAIN = """
            81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61
            deadbeef deadbeef deadbeef deadbeef deadbeef""";
    private static final int RTCP_SSRC = 0x4d617273;
    private static final int RTCP_INDEX = 0x5d4;

    record Vector(String section, SrtpProfile profile, String key, String rtp, String rtcp, String rtcpAuthOnly) {}

    static Stream<Arguments> vectors() {
        return Stream.of(
                new Vector("16", SrtpProfile.AEAD_AES_128_GCM, "000102030405060708090a0b0c0d0e0f",
                        """
                        8040f17b 8041f8d3 5501a0b2 f24de3a3 fb34de6c acba861c 9d7e4bca be633bd5
                        0d294e6f 42a5f47a 51c7d19b 36de3adf 8833899d 7f27beb1 6a9152cf 765ee439 0cce""",
                        """
                        81c8000d 4d617273 63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7 6c06f32d
                        c676a5f1 730d6fda 4ce09b46 86303ded 0bb9275b c84aa458 96cf4d2f c5abf872
                        45d9eade 800005d4""",
                        """
                        81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61
                        deadbeef deadbeef deadbeef deadbeef deadbeef 841dd968 3dd78ec9 2ae58790
                        125f62b3 000005d4"""),
                new Vector("17", SrtpProfile.AEAD_AES_256_GCM,
                        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                        """
                        8040f17b 8041f8d3 5501a0b2 32b1de78 a822fe12 ef9f78fa 332e33aa b1801238
                        9a58e2f3 b50b2a02 76ffae0f 1ba63799 b87b7aa3 db36dfff d6b0f9bb 7878d7a7 6c13""",
                        """
                        81c8000d 4d617273 d50ae4d1 f5ce5d30 4ba297e4 7d470c28 2c3ece5d bffe0a50
                        a2eaa5c1 110555be 8415f658 c61de047 6f1b6fad 1d1eb30c 4446839f 57ff6f6c
                        b26ac3be 800005d4""",
                        """
                        81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61
                        deadbeef deadbeef deadbeef deadbeef deadbeef 91db4afb feee5a97 8fab4393
                        ed2615fe 000005d4"""))
                .map(v -> Arguments.of(v.section() + " " + v.profile(), v));
    }

    /** 16.1.1 / 17: SRTP encryption, SSRC 0x5501a0b2, ROC 0, SEQ 0xf17b. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void srtpEncryption(String name, Vector v) {
        byte[] plain = Hex.bytes(RTP_PLAIN);
        byte[] packet = Arrays.copyOf(plain, plain.length + 16);

        int out = sender(v).protectRtp(packet, 0, plain.length);

        assertThat(Hex.of(packet, 0, out)).isEqualTo(Hex.of(Hex.bytes(v.rtp()), 0, Hex.bytes(v.rtp()).length));
    }

    /** 16.1.2 / 17: SRTP decryption. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void srtpDecryption(String name, Vector v) {
        byte[] packet = Hex.bytes(v.rtp());

        int out = receiver(v).unprotectRtp(packet, 0, packet.length);

        assertThat(Arrays.copyOf(packet, out)).isEqualTo(Hex.bytes(RTP_PLAIN));
    }

    /** 16.2 / 17: SRTCP encryption with E = 1 and SRTCP index 0x5d4. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void srtcpEncryption(String name, Vector v) {
        byte[] plain = Hex.bytes(RTCP_PLAIN);
        byte[] packet = Arrays.copyOf(plain, plain.length + 20);
        SrtpSender sender = sender(v);
        sender.startRtcpIndexAt(RTCP_SSRC, RTCP_INDEX);

        int out = sender.protectRtcp(packet, 0, plain.length);

        assertThat(Arrays.copyOf(packet, out)).isEqualTo(Hex.bytes(v.rtcp()));
    }

    /** 16.2 / 17: SRTCP decryption, encrypted (E = 1) and authenticated only (E = 0). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void srtcpDecryption(String name, Vector v) {
        for (String vector : new String[] {v.rtcp(), v.rtcpAuthOnly()}) {
            byte[] packet = Hex.bytes(vector);

            int out = receiver(v).unprotectRtcp(packet, 0, packet.length);

            assertThat(Arrays.copyOf(packet, Math.max(out, 0))).isEqualTo(Hex.bytes(RTCP_PLAIN));
        }
    }

    private static SessionKeys keys(Vector v) {
        byte[] key = Hex.bytes(v.key());
        return new SessionKeys(key, new byte[0], SALT, key, new byte[0], SALT);
    }

    private static SrtpSender sender(Vector v) {
        return new SrtpSender(v.profile(), keys(v), SrtpConfig.DEFAULT);
    }

    private static SrtpReceiver receiver(Vector v) {
        return new SrtpReceiver(v.profile(), keys(v), SrtpConfig.DEFAULT);
    }
}
