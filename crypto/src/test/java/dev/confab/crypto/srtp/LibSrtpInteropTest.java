package dev.confab.crypto.srtp;

import static dev.confab.crypto.srtp.Wire.protect;
import static dev.confab.crypto.srtp.Wire.protectRtcp;
import static dev.confab.crypto.srtp.Wire.unprotect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.LibSrtpOracle;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Confab against libsrtp2, an independent implementation: for every profile, packets either one protects the other
 * unprotects, across a sequence-number wrap (ROC 0 to 1), for RTP (with CSRCs, header extensions, padding) and RTCP.
 */
class LibSrtpInteropTest {
    private static final int SSRC = 0x1234abcd;
    private static final int LIBSRTP_AUTH_FAIL = 7;
    private static LibSrtpOracle libsrtp;

    @BeforeAll
    static void startOracle() {
        libsrtp = LibSrtpOracle.start();
    }

    @AfterAll
    static void stopOracle() {
        libsrtp.close();
    }

    /** The oracle is proven first: libsrtp reproduces its own reference packets. */
    @Test
    void libsrtpPassesItsKnownAnswerTest() {
        libsrtp.validate();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpBothWaysAcrossTheSequenceWrap(SrtpProfile profile) {
        TestPackets packets = new TestPackets(profile.ordinal());
        SrtpMasterKey key = packets.masterKey(profile);
        libsrtp.session(profile.useSrtpId(), concat(key));
        SrtpSender sender = SrtpSender.create(key);
        SrtpReceiver receiver = SrtpReceiver.create(key);

        for (int i = 0; i < 12; i++) {
            int seq = (65530 + i) & 0xffff;
            byte[] plain = switch (i % 4) {
                case 0 -> packets.rtp(seq, SSRC, 160);
                case 1 -> packets.rtp(seq, SSRC, 1 + packets.nextInt(1200), 2, 3);
                case 2 -> packets.paddedRtp(seq, SSRC, 100 + packets.nextInt(50), 1 + packets.nextInt(30));
                default -> packets.rtp(seq, SSRC, 0, 0, 1);
            };
            byte[] ours = protect(sender, plain);
            LibSrtpOracle.Answer theirs = libsrtp.protectRtp(plain);
            assertThat(theirs.ok()).as("libsrtp protects seq %d", seq).isTrue();
            assertThat(ours).as("same SRTP bytes as libsrtp, seq %d", seq).isEqualTo(theirs.packet());

            LibSrtpOracle.Answer unprotected = libsrtp.unprotectRtp(ours);
            assertThat(unprotected.ok()).as("libsrtp unprotects seq %d", seq).isTrue();
            assertThat(unprotected.packet()).isEqualTo(plain);
            assertThat(unprotect(receiver, theirs.packet())).as("Confab unprotects seq %d", seq).isEqualTo(plain);
        }
        assertThat(receiver.stats().rtpPackets()).isEqualTo(12);
        assertThat(receiver.stats().totalFailures()).isZero();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpBothWays(SrtpProfile profile) {
        TestPackets packets = new TestPackets(100 + profile.ordinal());
        SrtpMasterKey key = packets.masterKey(profile);
        libsrtp.session(profile.useSrtpId(), concat(key));
        SrtpSender sender = SrtpSender.create(key);
        SrtpReceiver receiver = SrtpReceiver.create(key);

        for (int i = 0; i < 6; i++) {
            byte[] plain = packets.rtcp(SSRC, 6 + packets.nextInt(40));
            LibSrtpOracle.Answer unprotected = libsrtp.unprotectRtcp(protectRtcp(sender, plain));
            assertThat(unprotected.ok()).as("libsrtp unprotects SRTCP %d", i).isTrue();
            assertThat(unprotected.packet()).isEqualTo(plain);

            LibSrtpOracle.Answer theirs = libsrtp.protectRtcp(plain);
            assertThat(theirs.ok()).isTrue();
            byte[] buf = theirs.packet().clone();
            int out = receiver.unprotectRtcp(buf, 0, buf.length);
            assertThat(out).as("Confab unprotects SRTCP %d: %s", i, receiver.stats()).isPositive();
            assertThat(Arrays.copyOf(buf, out)).isEqualTo(plain);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aWrongKeyIsRejectedByBoth(SrtpProfile profile) {
        TestPackets packets = new TestPackets(200 + profile.ordinal());
        libsrtp.session(profile.useSrtpId(), packets.keyAndSalt(profile));
        SrtpMasterKey other = packets.masterKey(profile);
        SrtpSender sender = SrtpSender.create(other);
        SrtpReceiver receiver = SrtpReceiver.create(other);

        byte[] plain = packets.rtp(7, SSRC, 200);
        assertThat(libsrtp.unprotectRtp(protect(sender, plain)).status()).isEqualTo(LIBSRTP_AUTH_FAIL);
        assertThat(libsrtp.unprotectRtcp(protectRtcp(sender, packets.rtcp(SSRC, 6))).status())
                .isEqualTo(LIBSRTP_AUTH_FAIL);
        byte[] theirs = libsrtp.protectRtp(plain).packet();
        assertThat(receiver.unprotectRtp(theirs, 0, theirs.length)).isEqualTo(SrtpFailure.AUTH_FAILED.status());
        byte[] theirRtcp = libsrtp.protectRtcp(packets.rtcp(SSRC, 6)).packet();
        assertThat(receiver.unprotectRtcp(theirRtcp, 0, theirRtcp.length))
                .isEqualTo(SrtpFailure.AUTH_FAILED.status());
    }

    /** libsrtp does not look at padding; Confab checks it once the packet has authenticated, and counts the index. */
    @Test
    void authenticPacketWithImpossiblePaddingIsReportedAndStillCountsAgainstReplay() {
        SrtpProfile profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        TestPackets packets = new TestPackets(300);
        SrtpMasterKey key = packets.masterKey(profile);
        libsrtp.session(profile.useSrtpId(), concat(key));
        byte[] plain = packets.paddedRtp(10, SSRC, 8, 2);
        plain[plain.length - 1] = 11; // more padding than the 10-byte payload
        byte[] sent = libsrtp.protectRtp(plain).packet();
        SrtpReceiver receiver = SrtpReceiver.create(key);

        assertThat(receiver.unprotectRtp(sent.clone(), 0, sent.length)).isEqualTo(SrtpFailure.MALFORMED_PADDING.status());
        assertThat(receiver.unprotectRtp(sent.clone(), 0, sent.length)).isEqualTo(SrtpFailure.REPLAYED.status());
    }

    private static byte[] concat(SrtpMasterKey key) {
        byte[] out = Arrays.copyOf(key.key(), key.key().length + key.salt().length);
        System.arraycopy(key.salt(), 0, out, key.key().length, key.salt().length);
        return out;
    }
}
