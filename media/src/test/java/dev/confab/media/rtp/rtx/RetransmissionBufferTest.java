package dev.confab.media.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The sender's packet history: what it keeps (by count across the sequence wrap, by age), and when it refuses to resend
 * a packet it has (again within a round trip, at least 5 ms).
 */
class RetransmissionBufferTest {
    private static final long MILLIS = 1_000_000L;
    private static final RetransmissionBufferConfig SMALL = new RetransmissionBufferConfig(16, 100, 1000 * MILLIS);

    private final RetransmissionBuffer buffer = new RetransmissionBuffer(SMALL);
    private final byte[] out = new byte[100];

    @Test
    void resendsWhatWasSentByteForByteAcrossTheWrap() {
        for (int seq : new int[] {65534, 65535, 0, 1}) {
            assertThat(buffer.store(packet(seq, 20 + seq % 7), 0, 20 + seq % 7, 0)).isZero();
        }

        for (int seq : new int[] {65534, 65535, 0, 1}) {
            int length = buffer.resend(seq, 10 * MILLIS, out, 0, out.length);
            assertThat(Arrays.copyOf(out, length)).isEqualTo(packet(seq, 20 + seq % 7));
        }
        assertThat(buffer.stats()).isEqualTo(new RetransmissionStats(4, 0, 4, 20 + 21 + 20 + 21, 0, 0, 0));
    }

    @Test
    void forgetsAPacketOnceTheOneACapacityLaterTakesItsSlot() {
        for (int seq = 65530; seq < 65530 + 17; seq++) {
            buffer.store(packet(seq & 0xffff, 20), 0, 20, 0);
        }

        assertThat(failure(buffer.resend(65530, 0, out, 0, out.length))).isEqualTo(RtxFailure.NOT_STORED);
        assertThat(buffer.resend(65531, 0, out, 0, out.length)).isEqualTo(20);
        assertThat(buffer.resend((65530 + 16) & 0xffff, 0, out, 0, out.length)).isEqualTo(20);
        assertThat(failure(buffer.resend(300, 0, out, 0, out.length))).isEqualTo(RtxFailure.NOT_STORED);
    }

    @Test
    void resendsWithinTheAgeLimitStretchedToThreeRoundTrips() {
        buffer.store(packet(5, 20), 0, 20, 100 * MILLIS);

        assertThat(buffer.resend(5, 1100 * MILLIS, out, 0, out.length)).isEqualTo(20);
        assertThat(failure(buffer.resend(5, 1101 * MILLIS, out, 0, out.length))).isEqualTo(RtxFailure.TOO_OLD);

        buffer.setRoundTrip(500 * MILLIS);
        assertThat(buffer.resend(5, 1600 * MILLIS, out, 0, out.length)).isEqualTo(20);
        assertThat(failure(buffer.resend(5, 1601 * MILLIS, out, 0, out.length))).isEqualTo(RtxFailure.TOO_OLD);
        assertThat(buffer.stats().tooOld()).isEqualTo(2);
    }

    @Test
    void resendsAgainOnlyARoundTripAfterTheLastResend() {
        buffer.store(packet(5, 20), 0, 20, 0);
        buffer.setRoundTrip(50 * MILLIS);

        assertThat(buffer.resend(5, 1 * MILLIS, out, 0, out.length)).isEqualTo(20); // the first, however soon
        assertThat(failure(buffer.resend(5, 50 * MILLIS, out, 0, out.length))).isEqualTo(RtxFailure.RESENT_RECENTLY);
        assertThat(buffer.resend(5, 51 * MILLIS, out, 0, out.length)).isEqualTo(20);
        assertThat(failure(buffer.resend(5, 100 * MILLIS, out, 0, out.length)))
                .isEqualTo(RtxFailure.RESENT_RECENTLY);
        assertThat(buffer.resend(5, 101 * MILLIS, out, 0, out.length)).isEqualTo(20);
        assertThat(buffer.stats().resentRecently()).isEqualTo(2);
    }

    @Test
    void waitsAtLeastFiveMillisecondsBetweenResendsOnAShortOrUnknownRoundTrip() {
        buffer.store(packet(5, 20), 0, 20, 0);
        buffer.resend(5, 0, out, 0, out.length);

        assertThat(failure(buffer.resend(5, 4 * MILLIS, out, 0, out.length))).isEqualTo(RtxFailure.RESENT_RECENTLY);
        assertThat(buffer.resend(5, 5 * MILLIS, out, 0, out.length)).isEqualTo(20);
        buffer.setRoundTrip(1 * MILLIS);
        assertThat(failure(buffer.resend(5, 9 * MILLIS, out, 0, out.length))).isEqualTo(RtxFailure.RESENT_RECENTLY);
        assertThat(buffer.resend(5, 10 * MILLIS, out, 0, out.length)).isEqualTo(20);
    }

    @Test
    void aPacketStoredAgainUnderItsNumberStartsAfresh() {
        buffer.store(packet(5, 20), 0, 20, 0);
        buffer.resend(5, 0, out, 0, out.length);
        buffer.store(packet(5, 30), 0, 30, 1 * MILLIS);

        assertThat(buffer.resend(5, 2 * MILLIS, out, 0, out.length)).isEqualTo(30);
    }

    @Test
    void refusesBadPacketsAndRequests() {
        byte[] notRtp = packet(5, 20);
        notRtp[0] = 0x40;

        assertThat(failure(buffer.store(notRtp, 0, 20, 0))).isEqualTo(RtxFailure.MALFORMED_RTP);
        assertThat(failure(buffer.store(packet(5, 11), 0, 11, 0))).isEqualTo(RtxFailure.MALFORMED_RTP);
        assertThat(failure(buffer.store(packet(5, 101), 0, 101, 0))).isEqualTo(RtxFailure.TOO_LONG);
        assertThat(failure(buffer.store(packet(5, 20), 0, 21, 0))).isEqualTo(RtxFailure.INVALID_ARGUMENT);
        assertThat(buffer.stats().refusedToStore()).isEqualTo(3);

        buffer.store(packet(5, 20), 0, 20, 0);
        assertThat(failure(buffer.resend(5, 0, out, 0, 19))).isEqualTo(RtxFailure.BUFFER_TOO_SMALL);
        assertThat(buffer.resend(5, 0, out, 0, 20)).isEqualTo(20); // the refusal did not count as a resend
        assertThat(failure(buffer.resend(65536, 0, out, 0, 20))).isEqualTo(RtxFailure.INVALID_ARGUMENT);
        assertThat(failure(buffer.resend(5, 0, out, 90, 20))).isEqualTo(RtxFailure.INVALID_ARGUMENT);
    }

    /** An RTP packet of {@code length} bytes (at least 12) with sequence number {@code seq} and a payload from it. */
    static byte[] packet(int seq, int length) {
        byte[] packet = new byte[Math.max(length, 12)];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) (seq * 31 + i);
        }
        return Arrays.copyOf(packet, length);
    }

    private static RtxFailure failure(int result) {
        assertThat(result).isNegative();
        return RtxFailure.of(result);
    }
}
