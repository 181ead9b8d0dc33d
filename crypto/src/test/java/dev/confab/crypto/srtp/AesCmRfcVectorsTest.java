package dev.confab.crypto.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B: the AES-CM keystream (B.2) and the key derivation (B.3). */
class AesCmRfcVectorsTest {

    private static final byte[] B2_SESSION_KEY = Hex.bytes("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final byte[] B2_SESSION_SALT = Hex.bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");

    /** B.2: keystream blocks for counters F0F1..FD0000, 0001, 0002 and FEFF, FF00, FF01. */
    @Test
    void b2KeystreamOfAesCounterMode() {
        byte[] iv = Arrays.copyOf(B2_SESSION_SALT, 16);
        byte[] keystream = new byte[0xff02 * 16];
        new AesCounterMode(B2_SESSION_KEY).xor(iv, keystream, 0, keystream.length);

        assertThat(block(keystream, 0x0000)).isEqualTo("e03ead0935c95e80e166b16dd92b4eb4");
        assertThat(block(keystream, 0x0001)).isEqualTo("d23513162b02d0f72a43a2fe4a5f97ab");
        assertThat(block(keystream, 0x0002)).isEqualTo("41e95b3bb0a2e8dd477901e4fca894c0");
        assertThat(block(keystream, 0xfeff)).isEqualTo("ec8cdf7398607cb0f2d21675ea9ea1e4");
        assertThat(block(keystream, 0xff00)).isEqualTo("362b7c3c6773516318a077d7fc5073ae");
        assertThat(block(keystream, 0xff01)).isEqualTo("6a2cc3787889374fbeb4c81b17ba6c44");
    }

    /** B.2 through the SRTP transform: SSRC 0, ROC 0, SEQ 0, so an all-zero payload encrypts to the keystream. */
    @Test
    void b2KeystreamThroughSrtpPayloadEncryption() {
        SessionKeys keys = new SessionKeys(B2_SESSION_KEY, new byte[20], B2_SESSION_SALT, B2_SESSION_KEY,
                new byte[20], B2_SESSION_SALT);
        SrtpSender sender = new SrtpSender(SrtpProfile.AES_CM_128_HMAC_SHA1_80, keys, SrtpConfig.DEFAULT);
        byte[] packet = new byte[12 + 48 + 10];
        packet[0] = (byte) 0x80; // V=2, SEQ 0, SSRC 0
        int out = sender.protectRtp(packet, 0, 60);

        assertThat(out).isEqualTo(70);
        assertThat(Hex.of(packet, 12, 48)).isEqualTo("e03ead0935c95e80e166b16dd92b4eb4"
                + "d23513162b02d0f72a43a2fe4a5f97ab" + "41e95b3bb0a2e8dd477901e4fca894c0");
    }

    /** B.3: session encryption key, salt and authentication key from the master key, index 0, KDR 0. */
    @Test
    void b3KeyDerivation() {
        SrtpMasterKey master = new SrtpMasterKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                Hex.bytes("E1F97A0D3E018BE0D64FA32C06DE4139"), Hex.bytes("0EC675AD498AFEEBB6960B3AABE6"));

        SessionKeys keys = KeyDerivation.derive(master);

        assertThat(keys.rtpKey()).isEqualTo(Hex.bytes("C61E7A93744F39EE10734AFE3FF7A087"));
        assertThat(keys.rtpSalt()).isEqualTo(Hex.bytes("30CBBC08863D8C85D49DB34A9AE1"));
        assertThat(keys.rtpAuthKey()).isEqualTo(Hex.bytes("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"));
    }

    private static String block(byte[] keystream, int counter) {
        return Hex.of(keystream, counter * 16, 16);
    }
}
