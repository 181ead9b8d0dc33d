package dev.confab.crypto.srtp;

import static dev.confab.crypto.srtp.Wire.protect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sessions at the sequence wrap (65534, 65535, 0, 1): order, reordering, duplicates and the window's edges. */
class SrtpRolloverAndReplayTest {
    private static final int SSRC = 77;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void reorderedAndDuplicatedPacketsAcrossTheWrap(SrtpProfile profile) {
        TestPackets packets = new TestPackets(4);
        SrtpMasterKey key = packets.masterKey(profile);
        SrtpSender sender = SrtpSender.create(key);
        Map<Integer, byte[]> sent = new HashMap<>();
        for (int seq : new int[] {65533, 65534, 65535, 0, 1, 2}) {
            sent.put(seq, protect(sender, packets.rtp(seq, SSRC, 50)));
        }
        SrtpReceiver receiver = SrtpReceiver.create(key);

        assertThat(deliver(receiver, sent.get(65533))).isEqualTo(50 + 12);
        assertThat(deliver(receiver, sent.get(0))).as("first after the wrap, ROC 1, early").isEqualTo(62);
        assertThat(deliver(receiver, sent.get(65535))).as("late, still ROC 0").isEqualTo(62);
        assertThat(deliver(receiver, sent.get(0))).isEqualTo(SrtpFailure.REPLAYED.status());
        assertThat(deliver(receiver, sent.get(65535))).isEqualTo(SrtpFailure.REPLAYED.status());
        assertThat(deliver(receiver, sent.get(2))).isEqualTo(62);
        assertThat(deliver(receiver, sent.get(1))).isEqualTo(62);
        assertThat(deliver(receiver, sent.get(65534))).isEqualTo(62);
        assertThat(deliver(receiver, sent.get(1))).isEqualTo(SrtpFailure.REPLAYED.status());

        assertThat(receiver.stats().rtpPackets()).isEqualTo(6);
        assertThat(receiver.stats().failures(SrtpFailure.REPLAYED)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theSenderRefusesToReuseAnIndex(SrtpProfile profile) {
        TestPackets packets = new TestPackets(5);
        SrtpSender sender = SrtpSender.create(packets.masterKey(profile));
        protect(sender, packets.rtp(65535, SSRC, 10));
        protect(sender, packets.rtp(0, SSRC, 10));

        byte[] again = packets.rtp(65535, SSRC, 10);
        assertThat(sender.protectRtp(again, 0, again.length, new byte[100], 0))
                .isEqualTo(SrtpFailure.REPLAYED.status());
    }

    /** SEQ 1000 .. 1000 + window + 1, newest delivered first: the oldest index inside passes, the next does not. */
    @ParameterizedTest
    @ValueSource(ints = {128, 1024})
    void configuredWindowEdges(int window) {
        SrtpProfile profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        TestPackets packets = new TestPackets(6);
        SrtpMasterKey key = packets.masterKey(profile);
        SrtpConfig config = SrtpConfig.DEFAULT.withReplayWindow(window);
        SrtpSender sender = SrtpSender.create(key, config);
        byte[][] sent = new byte[window + 2][];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = protect(sender, packets.rtp(1000 + i, SSRC, 8));
        }
        SrtpReceiver receiver = SrtpReceiver.create(key, config);

        int newest = sent.length - 1;
        assertThat(deliver(receiver, sent[newest])).isPositive();
        assertThat(deliver(receiver, sent[newest - window + 1])).as("oldest inside").isPositive();
        assertThat(deliver(receiver, sent[newest - window])).as("just outside").isEqualTo(SrtpFailure.TOO_OLD.status());
        assertThat(deliver(receiver, sent[newest - window + 1])).isEqualTo(SrtpFailure.REPLAYED.status());
    }

    private static int deliver(SrtpReceiver receiver, byte[] packet) {
        return receiver.unprotectRtp(packet.clone(), 0, packet.length);
    }
}
