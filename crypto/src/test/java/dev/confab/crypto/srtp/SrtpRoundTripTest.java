package dev.confab.crypto.srtp;

import static dev.confab.crypto.srtp.Wire.protect;
import static dev.confab.crypto.srtp.Wire.unprotect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Protect then unprotect, per profile: buffers in place and apart, clear-but-authenticated headers, padding. */
class SrtpRoundTripTest {
    private static final int SSRC = 0x0badcafe;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void inPlaceAndSeparateBuffersGiveTheSameBytes(SrtpProfile profile) {
        TestPackets packets = new TestPackets(1);
        SrtpMasterKey key = packets.masterKey(profile);
        SrtpSender inPlace = SrtpSender.create(key);
        SrtpSender apart = SrtpSender.create(key);
        SrtpReceiver inPlaceReceiver = SrtpReceiver.create(key);
        SrtpReceiver apartReceiver = SrtpReceiver.create(key);

        for (int seq = 0; seq < 20; seq++) {
            byte[] plain = packets.rtp(seq, SSRC, seq * 61, seq % 3, seq % 2);
            byte[] src = new byte[plain.length + 40];
            System.arraycopy(plain, 0, src, 7, plain.length);
            byte[] dst = new byte[plain.length + 60];

            int a = inPlace.protectRtp(src, 7, plain.length);
            int b = apart.protectRtp(plain, 0, plain.length, dst, 13);

            assertThat(a).isEqualTo(b).isEqualTo(plain.length + profile.rtpTagLength());
            assertThat(Arrays.copyOfRange(src, 7, 7 + a)).isEqualTo(Arrays.copyOfRange(dst, 13, 13 + b));
            byte[] out = new byte[a + 3];
            int c = apartReceiver.unprotectRtp(dst, 13, b, out, 3);
            int d = inPlaceReceiver.unprotectRtp(src, 7, a);
            assertThat(c).isEqualTo(d).isEqualTo(plain.length);
            assertThat(Arrays.copyOfRange(out, 3, 3 + c)).isEqualTo(plain);
            assertThat(Arrays.copyOfRange(src, 7, 7 + d)).isEqualTo(plain);
        }
        byte[] rtcp = packets.rtcp(SSRC, 10);
        byte[] rtcpOut = new byte[rtcp.length + inPlace.rtcpOverhead()];
        int protectedLength = apart.protectRtcp(rtcp, 0, rtcp.length, rtcpOut, 0);
        byte[] plainOut = new byte[protectedLength];
        assertThat(apartReceiver.unprotectRtcp(rtcpOut, 0, protectedLength, plainOut, 0)).isEqualTo(rtcp.length);
        assertThat(Arrays.copyOf(plainOut, rtcp.length)).isEqualTo(rtcp);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void headerCsrcsAndExtensionStayClearButAuthenticated(SrtpProfile profile) {
        TestPackets packets = new TestPackets(2);
        SrtpMasterKey key = packets.masterKey(profile);
        byte[] plain = packets.rtp(9, SSRC, 64, 2, 3);
        int header = 12 + 8 + 16;

        byte[] sent = protect(SrtpSender.create(key), plain);

        assertThat(Arrays.copyOf(sent, header)).isEqualTo(Arrays.copyOf(plain, header));
        assertThat(Arrays.copyOfRange(sent, header, plain.length))
                .isNotEqualTo(Arrays.copyOfRange(plain, header, plain.length));
        for (int at : new int[] {1, 14, 25, header - 1, header, sent.length - 1}) {
            byte[] tampered = sent.clone();
            tampered[at] ^= 0x01;
            SrtpReceiver receiver = SrtpReceiver.create(key);
            assertThat(receiver.unprotectRtp(tampered, 0, tampered.length))
                    .as("byte %d flipped", at).isEqualTo(SrtpFailure.AUTH_FAILED.status());
            assertThat(receiver.stats().failures(SrtpFailure.AUTH_FAILED)).isOne();
        }
        assertThat(unprotect(SrtpReceiver.create(key), sent)).isEqualTo(plain);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void paddingIsEncryptedKeptAndChecked(SrtpProfile profile) {
        TestPackets packets = new TestPackets(3);
        SrtpMasterKey key = packets.masterKey(profile);
        SrtpSender sender = SrtpSender.create(key);
        byte[] plain = packets.paddedRtp(1, SSRC, 20, 4);

        byte[] sent = protect(sender, plain);

        assertThat(sent[plain.length - 1]).as("the count is encrypted like the payload").isNotEqualTo((byte) 4);
        assertThat(unprotect(SrtpReceiver.create(key), sent)).isEqualTo(plain);

        byte[] bad = packets.paddedRtp(2, SSRC, 20, 4);
        bad[bad.length - 1] = 25; // counts more than the 24-byte payload
        byte[] buf = Arrays.copyOf(bad, bad.length + 16);
        assertThat(sender.protectRtp(buf, 0, bad.length)).isEqualTo(SrtpFailure.MALFORMED_PADDING.status());
        bad[bad.length - 1] = 0;
        assertThat(sender.protectRtp(bad.clone(), 0, bad.length, new byte[100], 0))
                .isEqualTo(SrtpFailure.MALFORMED_PADDING.status());
        assertThat(sender.stats().failures(SrtpFailure.MALFORMED_PADDING)).isEqualTo(2);
    }
}
