package dev.confab.crypto.srtp;

import java.util.Random;

/** Plain RTP and RTCP packets for tests, with seeded random payloads. Not thread-safe (owns its Random). */
final class TestPackets {
    private final Random random;

    TestPackets(long seed) {
        this.random = new Random(seed);
    }

    byte[] keyAndSalt(SrtpProfile profile) {
        return bytes(profile.keyLength() + profile.saltLength());
    }

    SrtpMasterKey masterKey(SrtpProfile profile) {
        return SrtpMasterKey.ofConcatenated(profile, keyAndSalt(profile));
    }

    byte[] bytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** RTP, PT 96, with {@code csrcs} CSRCs, an RFC 8285 one-byte extension of {@code extensionWords} words if > 0. */
    byte[] rtp(int seq, int ssrc, int payload, int csrcs, int extensionWords) {
        int header = 12 + 4 * csrcs + (extensionWords > 0 ? 4 + 4 * extensionWords : 0);
        byte[] packet = bytes(header + payload);
        packet[0] = (byte) (0x80 | (extensionWords > 0 ? 0x10 : 0) | csrcs);
        packet[1] = 96;
        packet[2] = (byte) (seq >>> 8);
        packet[3] = (byte) seq;
        Bytes.putInt(packet, 8, ssrc);
        if (extensionWords > 0) {
            int at = 12 + 4 * csrcs;
            packet[at] = (byte) 0xbe;
            packet[at + 1] = (byte) 0xde;
            packet[at + 2] = 0;
            packet[at + 3] = (byte) extensionWords;
        }
        return packet;
    }

    /** A plain RTP packet with a 12-byte header. */
    byte[] rtp(int seq, int ssrc, int payload) {
        return rtp(seq, ssrc, payload, 0, 0);
    }

    /** RTP with the P bit and {@code padding} bytes of padding (the last one counting them). */
    byte[] paddedRtp(int seq, int ssrc, int payload, int padding) {
        byte[] packet = rtp(seq, ssrc, payload + padding);
        packet[0] |= 0x20;
        packet[packet.length - 1] = (byte) padding;
        return packet;
    }

    /** A sender report (PT 200) from {@code ssrc} with {@code words} more 32-bit words of random body. */
    byte[] rtcp(int ssrc, int words) {
        byte[] packet = bytes(8 + 4 * words);
        packet[0] = (byte) 0x80;
        packet[1] = (byte) 200;
        packet[2] = (byte) ((words + 1) >>> 8);
        packet[3] = (byte) (words + 1);
        Bytes.putInt(packet, 4, ssrc);
        return packet;
    }
}
