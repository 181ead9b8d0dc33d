package dev.confab.crypto.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Keys and limits are checked where they are made, copied in and out, and keys never reach a log. */
class SrtpMasterKeyTest {

    @Test
    void keysOfTheWrongLengthAreRefused() {
        assertThatThrownBy(() -> new SrtpMasterKey(SrtpProfile.AEAD_AES_256_GCM, new byte[16], new byte[12]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32-byte master key");
        assertThatThrownBy(() -> new SrtpMasterKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new byte[16], new byte[12]))
                .hasMessageContaining("14-byte master salt");
        assertThatThrownBy(() -> SrtpMasterKey.ofConcatenated(SrtpProfile.AEAD_AES_128_GCM, new byte[30]))
                .hasMessageContaining("28 bytes");
    }

    @Test
    void keyMaterialIsCopiedAndNotPrinted() {
        byte[] keyAndSalt = new TestPackets(17).keyAndSalt(SrtpProfile.AES_CM_128_HMAC_SHA1_32);
        SrtpMasterKey key = SrtpMasterKey.ofConcatenated(SrtpProfile.AES_CM_128_HMAC_SHA1_32, keyAndSalt);
        byte[] copy = key.key();
        copy[0] ^= 1;

        assertThat(key.key()).isNotEqualTo(copy);
        assertThat(key).isEqualTo(SrtpMasterKey.ofConcatenated(SrtpProfile.AES_CM_128_HMAC_SHA1_32, keyAndSalt));
        assertThat(key.toString()).isEqualTo("SrtpMasterKey[AES_CM_128_HMAC_SHA1_32]");
    }

    /** RFC 5764 section 4.2: client key, server key, client salt, server salt. */
    @Test
    void dtlsKeyingMaterialSplitsIntoTheTwoDirections() {
        byte[] material = new byte[2 * (16 + 14)];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) i;
        }
        SrtpProfile profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

        SrtpMasterKey client = SrtpMasterKey.fromDtlsExport(profile, material, true);
        SrtpMasterKey server = SrtpMasterKey.fromDtlsExport(profile, material, false);

        assertThat(client.key()[0]).isEqualTo((byte) 0);
        assertThat(server.key()[0]).isEqualTo((byte) 16);
        assertThat(client.salt()[0]).isEqualTo((byte) 32);
        assertThat(server.salt()[0]).isEqualTo((byte) 46);
        assertThat(server.salt()[13]).isEqualTo((byte) 59);
        assertThatThrownBy(() -> SrtpMasterKey.fromDtlsExport(SrtpProfile.AEAD_AES_128_GCM, material, true))
                .hasMessageContaining("56 bytes");
    }

    @Test
    void limitsAreChecked() {
        assertThat(SrtpConfig.DEFAULT).isEqualTo(new SrtpConfig(128, 64));
        assertThat(SrtpConfig.DEFAULT.withReplayWindow(1024).withMaxSsrcs(2)).isEqualTo(new SrtpConfig(1024, 2));
        assertThatThrownBy(() -> SrtpConfig.DEFAULT.withReplayWindow(63)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrtpConfig.DEFAULT.withReplayWindow(32769)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrtpConfig.DEFAULT.withMaxSsrcs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrtpFailure.of(5)).isInstanceOf(IllegalArgumentException.class);
    }
}
