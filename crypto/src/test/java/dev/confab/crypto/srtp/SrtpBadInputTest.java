package dev.confab.crypto.srtp;

import static dev.confab.crypto.srtp.Wire.protect;
import static dev.confab.crypto.srtp.Wire.protectRtcp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad packets and bad calls give a counted reason, never an exception; forged SSRCs cannot fill the table. */
class SrtpBadInputTest {
    private static final int SSRC = 4242;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyTruncationIsAReason(SrtpProfile profile) {
        TestPackets packets = new TestPackets(10);
        SrtpMasterKey key = packets.masterKey(profile);
        SrtpSender sender = SrtpSender.create(key);
        byte[] rtp = protect(sender, packets.rtp(1, SSRC, 40, 1, 2));
        byte[] rtcp = protectRtcp(sender, packets.rtcp(SSRC, 6));
        SrtpReceiver receiver = SrtpReceiver.create(key);

        for (int len = 0; len < rtp.length; len++) {
            assertThat(receiver.unprotectRtp(rtp.clone(), 0, len)).as("RTP cut to %d", len).isNegative();
        }
        for (int len = 0; len < rtcp.length; len++) {
            assertThat(receiver.unprotectRtcp(rtcp.clone(), 0, len)).as("RTCP cut to %d", len).isNegative();
        }
        assertThat(receiver.stats().failures(SrtpFailure.TOO_SHORT)).isPositive();
        assertThat(receiver.stats().totalFailures()).isEqualTo(rtp.length + rtcp.length);
        assertThat(receiver.rtpSsrcCount()).isZero();
        assertThat(receiver.unprotectRtp(rtp.clone(), 0, rtp.length)).isPositive();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void garbageIsDroppedWithAReason(SrtpProfile profile) {
        Random random = new Random(11);
        SrtpReceiver receiver = SrtpReceiver.create(new TestPackets(11).masterKey(profile));
        SrtpSender sender = SrtpSender.create(new TestPackets(12).masterKey(profile));
        byte[] out = new byte[2000];
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(1500)];
            random.nextBytes(junk);
            if (i % 2 == 0 && junk.length > 0) {
                junk[0] = (byte) (0x80 | junk[0] & 0x3f); // version 2, to get past the first check
            }
            assertThat(receiver.unprotectRtp(junk, 0, junk.length, out, 0)).isNegative();
            assertThat(receiver.unprotectRtcp(junk, 0, junk.length, out, 0)).isNegative();
            int sent = sender.protectRtp(junk, 0, junk.length, out, 0);
            assertThat(sent < 0 || sent == junk.length + profile.rtpTagLength()).isTrue();
        }
        assertThat(receiver.stats().rtpPackets() + receiver.stats().rtcpPackets()).isZero();
        assertThat(receiver.stats().failures(SrtpFailure.MALFORMED_HEADER)).isPositive();
        assertThat(receiver.stats().failures(SrtpFailure.AUTH_FAILED)).isPositive();
    }

    @Test
    void badArgumentsAndSmallBuffersAreReasons() {
        TestPackets packets = new TestPackets(13);
        SrtpMasterKey key = packets.masterKey(SrtpProfile.AEAD_AES_128_GCM);
        SrtpSender sender = SrtpSender.create(key);
        SrtpReceiver receiver = SrtpReceiver.create(key);
        byte[] plain = packets.rtp(5, SSRC, 30);
        int invalid = SrtpFailure.INVALID_ARGUMENT.status();

        assertThat(sender.protectRtp(null, 0, 10, new byte[64], 0)).isEqualTo(invalid);
        assertThat(sender.protectRtp(plain, 0, plain.length, null, 0)).isEqualTo(invalid);
        assertThat(sender.protectRtp(plain, -1, 10, new byte[64], 0)).isEqualTo(invalid);
        assertThat(sender.protectRtp(plain, 5, plain.length, new byte[64], 0)).isEqualTo(invalid);
        assertThat(sender.protectRtcp(plain, 0, plain.length, new byte[64], 65)).isEqualTo(invalid);
        byte[] shared = Arrays.copyOf(plain, 200);
        assertThat(sender.protectRtp(shared, 0, plain.length, shared, 4)).as("overlapping elsewhere").isEqualTo(invalid);
        assertThat(receiver.unprotectRtp(shared, 4, plain.length, shared, 0)).isEqualTo(invalid);
        assertThat(sender.protectRtp(plain, 0, plain.length)).as("no room for the tag")
                .isEqualTo(SrtpFailure.BUFFER_TOO_SMALL.status());
        assertThat(sender.protectRtcp(new byte[24], 0, 24, new byte[40], 0)).isEqualTo(
                SrtpFailure.MALFORMED_HEADER.status());
        byte[] sent = protect(sender, plain);
        assertThat(receiver.unprotectRtp(sent, 0, sent.length, new byte[plain.length - 1], 0))
                .isEqualTo(SrtpFailure.BUFFER_TOO_SMALL.status());

        assertThat(sender.stats().failures(SrtpFailure.INVALID_ARGUMENT)).isEqualTo(6);
        assertThat(receiver.stats().failures(SrtpFailure.INVALID_ARGUMENT)).isOne();
        assertThat(SrtpFailure.of(SrtpFailure.BUFFER_TOO_SMALL.status())).isEqualTo(SrtpFailure.BUFFER_TOO_SMALL);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void ssrcLimitHoldsAndForgedPacketsTakeNoSlot(SrtpProfile profile) {
        TestPackets packets = new TestPackets(14);
        SrtpMasterKey key = packets.masterKey(profile);
        SrtpConfig config = SrtpConfig.DEFAULT.withMaxSsrcs(4);
        SrtpSender sender = SrtpSender.create(key, config);
        SrtpReceiver receiver = SrtpReceiver.create(key, config);
        SrtpSender forger = SrtpSender.create(packets.masterKey(profile), SrtpConfig.DEFAULT.withMaxSsrcs(1000));

        for (int ssrc = 1000; ssrc < 1500; ssrc++) {
            byte[] forged = protect(forger, packets.rtp(1, ssrc, 20));
            assertThat(receiver.unprotectRtp(forged, 0, forged.length)).isEqualTo(SrtpFailure.AUTH_FAILED.status());
        }
        assertThat(receiver.rtpSsrcCount()).isZero();

        for (int ssrc = 1; ssrc <= 4; ssrc++) {
            byte[] sent = protect(sender, packets.rtp(1, ssrc, 20));
            assertThat(receiver.unprotectRtp(sent, 0, sent.length)).isPositive();
            byte[] rtcp = protectRtcp(sender, packets.rtcp(ssrc, 2));
            assertThat(receiver.unprotectRtcp(rtcp, 0, rtcp.length)).isPositive();
        }
        byte[] fifth = Arrays.copyOf(packets.rtp(1, 5, 20), 100);
        assertThat(sender.protectRtp(fifth, 0, 32)).isEqualTo(SrtpFailure.SSRC_LIMIT.status());
        byte[] fromFifth = protect(SrtpSender.create(key), packets.rtp(1, 5, 20));
        assertThat(receiver.unprotectRtp(fromFifth, 0, fromFifth.length)).isEqualTo(SrtpFailure.SSRC_LIMIT.status());
        byte[] rtcpFromFifth = protectRtcp(SrtpSender.create(key), packets.rtcp(5, 2));
        assertThat(receiver.unprotectRtcp(rtcpFromFifth, 0, rtcpFromFifth.length))
                .isEqualTo(SrtpFailure.SSRC_LIMIT.status());
        assertThat(receiver.rtpSsrcCount()).isEqualTo(4);
        assertThat(receiver.rtcpSsrcCount()).isEqualTo(4);
        assertThat(receiver.stats().failures(SrtpFailure.SSRC_LIMIT)).isEqualTo(2);
    }
}
