package dev.confab.crypto.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/** Protect and unprotect into fresh arrays, asserting success: the shortest way for tests to put packets on the wire. */
final class Wire {
    private Wire() {}

    static byte[] protect(SrtpSender sender, byte[] plain) {
        byte[] buf = Arrays.copyOf(plain, plain.length + sender.rtpOverhead());
        int out = sender.protectRtp(buf, 0, plain.length);
        assertThat(out).as("protect: %s", sender.stats()).isPositive();
        return Arrays.copyOf(buf, out);
    }

    static byte[] protectRtcp(SrtpSender sender, byte[] plain) {
        byte[] buf = Arrays.copyOf(plain, plain.length + sender.rtcpOverhead());
        int out = sender.protectRtcp(buf, 0, plain.length);
        assertThat(out).as("protect RTCP: %s", sender.stats()).isPositive();
        return Arrays.copyOf(buf, out);
    }

    static byte[] unprotect(SrtpReceiver receiver, byte[] packet) {
        byte[] buf = packet.clone();
        int out = receiver.unprotectRtp(buf, 0, buf.length);
        assertThat(out).as("unprotect: %s", receiver.stats()).isPositive();
        return Arrays.copyOf(buf, out);
    }
}
