package dev.confab.crypto.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.crypto.srtp.SrtpProfile;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 5764 section 4.2: client key, server key, client salt, server salt, in that order. */
class DtlsSrtpKeysTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void splitsTheExporterOutputByRole() {
        // AES_CM_128_HMAC_SHA1_80: 16-byte keys (c1.. and 51..), 14-byte salts (c2.. and 52..).
        byte[] exported = HEX.parseHex("c1".repeat(16) + "51".repeat(16) + "c2".repeat(14) + "52".repeat(14));

        DtlsSrtpKeys client = DtlsSrtpKeys.fromExporter(SrtpProfile.AES_CM_128_HMAC_SHA1_80, exported, DtlsRole.CLIENT);
        DtlsSrtpKeys server = DtlsSrtpKeys.fromExporter(SrtpProfile.AES_CM_128_HMAC_SHA1_80, exported, DtlsRole.SERVER);

        assertThat(HEX.formatHex(client.localKey())).isEqualTo("c1".repeat(16));
        assertThat(HEX.formatHex(client.localSalt())).isEqualTo("c2".repeat(14));
        assertThat(HEX.formatHex(client.remoteKey())).isEqualTo("51".repeat(16));
        assertThat(HEX.formatHex(client.remoteSalt())).isEqualTo("52".repeat(14));
        assertThat(server.localKey()).isEqualTo(client.remoteKey());
        assertThat(server.localSalt()).isEqualTo(client.remoteSalt());
        assertThat(server.remoteKey()).isEqualTo(client.localKey());
        assertThat(server.remoteSalt()).isEqualTo(client.localSalt());
    }

    @Test
    void gcm256NeedsTwoThirtyTwoByteKeysAndTwelveByteSalts() {
        assertThat(DtlsSrtpKeys.exporterLength(SrtpProfile.AEAD_AES_256_GCM)).isEqualTo(88);
        assertThat(DtlsSrtpKeys.exporterLength(SrtpProfile.AEAD_AES_128_GCM)).isEqualTo(56);
        assertThatThrownBy(() -> DtlsSrtpKeys.fromExporter(SrtpProfile.AEAD_AES_256_GCM, new byte[56], DtlsRole.CLIENT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neitherShowsNorLeaksKeyMaterial() {
        byte[] exported = new byte[DtlsSrtpKeys.exporterLength(SrtpProfile.AEAD_AES_128_GCM)];
        DtlsSrtpKeys keys = DtlsSrtpKeys.fromExporter(SrtpProfile.AEAD_AES_128_GCM, exported, DtlsRole.CLIENT);

        keys.localKey()[0] = 1;

        assertThat(keys.localKey()[0]).isZero();
        assertThat(keys.toString()).isEqualTo("DtlsSrtpKeys[AEAD_AES_128_GCM, keys hidden]");
    }
}
