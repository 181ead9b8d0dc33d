package dev.confab.crypto.srtp;

import static dev.confab.crypto.srtp.Wire.protectRtcp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SRTCP: the E flag, the 31-bit index up to its end, and replays. */
class SrtcpTest {
    private static final int SSRC = 0x5eed;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void indexRunsTo2Pow31MinusOneThenTheSenderStops(SrtpProfile profile) {
        TestPackets packets = new TestPackets(7);
        SrtpMasterKey key = packets.masterKey(profile);
        SrtpSender sender = SrtpSender.create(key);
        SrtpReceiver receiver = SrtpReceiver.create(key);
        byte[] first = protectRtcp(sender, packets.rtcp(SSRC, 4));
        assertThat(indexWord(profile, first)).as("E set, index 0").isEqualTo(0x80000000);
        sender.startRtcpIndexAt(SSRC, 0x7fffffff);

        byte[] last = protectRtcp(sender, packets.rtcp(SSRC, 4));

        assertThat(indexWord(profile, last)).isEqualTo(0xffffffff);
        assertThat(receiver.unprotectRtcp(first.clone(), 0, first.length)).isEqualTo(8 + 16);
        assertThat(receiver.unprotectRtcp(last.clone(), 0, last.length)).isEqualTo(8 + 16);
        assertThat(receiver.unprotectRtcp(last.clone(), 0, last.length)).isEqualTo(SrtpFailure.REPLAYED.status());
        assertThat(receiver.unprotectRtcp(first.clone(), 0, first.length)).as("no wrap back to 0")
                .isEqualTo(SrtpFailure.TOO_OLD.status());
        byte[] next = Arrays.copyOf(packets.rtcp(SSRC, 4), 100);
        assertThat(sender.protectRtcp(next, 0, 24)).isEqualTo(SrtpFailure.INDEX_EXHAUSTED.status());
        assertThat(sender.stats().failures(SrtpFailure.INDEX_EXHAUSTED)).isOne();
    }

    /** RFC 3711 section 3.4: with E = 0 the packet is only authenticated; a flipped E flag breaks the tag. */
    @Test
    void authenticatedOnlySrtcpIsAcceptedAndItsEFlagIsAuthenticated() throws Exception {
        SrtpProfile profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        TestPackets packets = new TestPackets(8);
        SrtpMasterKey key = packets.masterKey(profile);
        byte[] plain = packets.rtcp(SSRC, 5);
        byte[] packet = Arrays.copyOf(plain, plain.length + 14);
        Bytes.putInt(packet, plain.length, 3); // E = 0, index 3
        Mac mac = Mac.getInstance("HmacSHA1"); // independent of HmacSha1
        mac.init(new SecretKeySpec(KeyDerivation.derive(key).rtcpAuthKey(), "HmacSHA1"));
        mac.update(packet, 0, plain.length + 4);
        System.arraycopy(mac.doFinal(), 0, packet, plain.length + 4, 10);

        byte[] flipped = packet.clone();
        flipped[plain.length] |= (byte) 0x80;
        SrtpReceiver receiver = SrtpReceiver.create(key);
        assertThat(receiver.unprotectRtcp(flipped, 0, flipped.length)).isEqualTo(SrtpFailure.AUTH_FAILED.status());
        assertThat(receiver.unprotectRtcp(packet, 0, packet.length)).isEqualTo(plain.length);
        assertThat(Arrays.copyOf(packet, plain.length)).isEqualTo(plain);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void senderEncryptsAllButTheFirstEightBytes(SrtpProfile profile) {
        TestPackets packets = new TestPackets(9);
        byte[] plain = packets.rtcp(SSRC, 8);

        byte[] sent = protectRtcp(SrtpSender.create(packets.masterKey(profile)), plain);

        assertThat(sent).hasSize(plain.length + 4 + profile.rtcpTagLength());
        assertThat(Arrays.copyOf(sent, 8)).isEqualTo(Arrays.copyOf(plain, 8));
        assertThat(Arrays.copyOfRange(sent, 8, plain.length)).isNotEqualTo(Arrays.copyOfRange(plain, 8, plain.length));
    }

    private static int indexWord(SrtpProfile profile, byte[] srtcp) {
        int at = profile.aead() ? srtcp.length - 4 : srtcp.length - profile.rtcpTagLength() - 4;
        return Bytes.getInt(srtcp, at);
    }
}
