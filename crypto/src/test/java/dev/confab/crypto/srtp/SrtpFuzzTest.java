package dev.confab.crypto.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.confab.testkit.FuzzFrames;
import java.util.Arrays;

/**
 * Jazzer fuzz targets for the receive path, all profiles. An input is a profile byte, then frames of a 2-byte length
 * and that many bytes; one session sees every frame, so state (ROC, replay windows, SSRC table) is fuzzed too.
 * {@code unprotect*} feeds frames as received packets: nothing may throw, outputs stay within their inputs, the SSRC
 * table within its limit. {@code roundTrip*} treats frames as plain packets: whatever the sender accepts the receiver
 * must give back byte for byte, and with one bit flipped (delivered first) must refuse. Seeds (in this test's Inputs
 * directory) hold valid packets under {@link #key}, so regression runs reach past authentication.
 */
class SrtpFuzzTest {
    static final int SSRC_LIMIT = 8;
    static final SrtpConfig CONFIG = SrtpConfig.DEFAULT.withMaxSsrcs(SSRC_LIMIT);

    @FuzzTest(maxDuration = "3m")
    void unprotectRtp(byte[] input) {
        unprotect(input, (receiver, packet) -> receiver.unprotectRtp(packet, 0, packet.length));
    }

    @FuzzTest(maxDuration = "3m")
    void unprotectRtcp(byte[] input) {
        unprotect(input, (receiver, packet) -> receiver.unprotectRtcp(packet, 0, packet.length));
    }

    @FuzzTest(maxDuration = "3m")
    void roundTripRtp(byte[] input) {
        roundTrip(input, false);
    }

    @FuzzTest(maxDuration = "3m")
    void roundTripRtcp(byte[] input) {
        roundTrip(input, true);
    }

    /** The master key the seeds were made with: bytes 1, 2, 3, ... */
    static SrtpMasterKey key(SrtpProfile profile) {
        byte[] keyAndSalt = new byte[profile.keyLength() + profile.saltLength()];
        for (int i = 0; i < keyAndSalt.length; i++) {
            keyAndSalt[i] = (byte) (i + 1);
        }
        return SrtpMasterKey.ofConcatenated(profile, keyAndSalt);
    }

    interface Unprotect {
        int apply(SrtpReceiver receiver, byte[] packet);
    }

    private static void unprotect(byte[] input, Unprotect unprotect) {
        if (input.length == 0) {
            return;
        }
        SrtpReceiver receiver = SrtpReceiver.create(key(profile(input)), CONFIG);
        int packets = 0;
        for (int at = 1; at < input.length; at = FuzzFrames.next(input, at)) {
            byte[] packet = FuzzFrames.frame(input, at);
            int result = unprotect.apply(receiver, packet);
            assertThat(result < 0 ? SrtpFailure.of(result) != null : result < packet.length).isTrue();
            packets++;
        }
        assertThat(receiver.rtpSsrcCount()).isLessThanOrEqualTo(SSRC_LIMIT);
        assertThat(receiver.rtcpSsrcCount()).isLessThanOrEqualTo(SSRC_LIMIT);
        SrtpStats stats = receiver.stats();
        assertThat(stats.rtpPackets() + stats.rtcpPackets() + stats.totalFailures()).isEqualTo(packets);
    }

    private static void roundTrip(byte[] input, boolean rtcp) {
        if (input.length == 0) {
            return;
        }
        SrtpMasterKey key = key(profile(input));
        SrtpSender sender = SrtpSender.create(key, CONFIG);
        SrtpReceiver receiver = SrtpReceiver.create(key, CONFIG);
        for (int at = 1; at < input.length; at = FuzzFrames.next(input, at)) {
            byte[] plain = FuzzFrames.frame(input, at);
            byte[] wire = new byte[plain.length + 24];
            int sent = rtcp ? sender.protectRtcp(plain, 0, plain.length, wire, 0)
                    : sender.protectRtp(plain, 0, plain.length, wire, 0);
            if (sent < 0) {
                continue;
            }
            byte[] out = new byte[sent];
            if (plain.length > 0 && (plain[plain.length - 1] & 1) == 1) {
                byte[] flipped = Arrays.copyOf(wire, sent);
                int bit = ((plain[0] & 0xff) << 8 | plain.length) % (sent * 8);
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThat(unprotect(receiver, rtcp, flipped, sent, out)).as("a flipped bit must be refused").isNegative();
            }
            // The receiver sees every packet the sender made, in order, so its ROC and windows track the sender's.
            int back = unprotect(receiver, rtcp, wire, sent, out);
            assertThat(back).as("%s", receiver.stats()).isEqualTo(plain.length);
            assertThat(Arrays.copyOf(out, back)).isEqualTo(plain);
        }
    }

    private static int unprotect(SrtpReceiver receiver, boolean rtcp, byte[] wire, int len, byte[] out) {
        return rtcp ? receiver.unprotectRtcp(wire, 0, len, out, 0) : receiver.unprotectRtp(wire, 0, len, out, 0);
    }

    private static SrtpProfile profile(byte[] input) {
        return SrtpProfile.values()[(input[0] & 0xff) % SrtpProfile.values().length];
    }

}
