package dev.confab.media.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * When the NACK generator asks for which packets: gaps across the sequence wrap, requests at once or after the reorder
 * delay, again each round trip, given up after so many requests, so much time or so many packets (with a key frame
 * request), and not asked again once a packet came.
 */
class NackGeneratorTest {
    private static final long MILLIS = 1_000_000L;
    /** A window of 64, 3 requests a packet, 1 s, at once, 5 ms at least, 100 ms assumed, no jitter. */
    private static final NackGeneratorConfig SMALL = new NackGeneratorConfig(64, 3, 1000 * MILLIS, 0, 5 * MILLIS,
            100 * MILLIS, 0);

    private final NackGenerator generator = new NackGenerator(SMALL, new SplittableRandom(1));

    @Test
    void asksForNothingWhileNothingIsMissing() {
        receive(0, 65534, 65535, 0, 1, 2);

        assertThat(due(0)).isEmpty();
        assertThat(generator.nextDueNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(generator.pollKeyFrameRequest()).isFalse();
        assertThat(generator.stats().packets()).isEqualTo(5);
    }

    @Test
    void asksAtOnceForAGapAcrossTheWrapOldestFirst() {
        receive(0, 65532, 65533, 1, 2);

        assertThat(due(0)).containsExactly(65534, 65535, 0);
        assertThat(due(0)).isEmpty();
        assertThat(generator.stats().missing()).isEqualTo(3);
        assertThat(generator.stats().requests()).isEqualTo(3);
        assertThat(generator.stats().pending()).isEqualTo(3);
    }

    @Test
    void waitsTheReorderDelayBeforeTheFirstRequest() {
        NackGenerator patient = new NackGenerator(new NackGeneratorConfig(64, 3, 1000 * MILLIS, 10 * MILLIS,
                5 * MILLIS, 100 * MILLIS, 0), new SplittableRandom(1));
        patient.onPacket(10, 0);
        patient.onPacket(13, 0);
        patient.onPacket(11, 5 * MILLIS); // only reordered

        assertThat(due(patient, 9 * MILLIS)).isEmpty();
        assertThat(patient.nextDueNanos()).isEqualTo(10 * MILLIS);
        assertThat(due(patient, 10 * MILLIS)).containsExactly(12);
        assertThat(patient.stats().reordered()).isEqualTo(1);
    }

    @Test
    void asksAgainEachRoundTripAndNotBelowTheFloor() {
        receive(0, 10, 12);
        assertThat(due(0)).containsExactly(11);

        assertThat(generator.nextDueNanos()).isEqualTo(100 * MILLIS); // the assumed round trip
        assertThat(due(100 * MILLIS - 1)).isEmpty();
        generator.setRoundTrip(40 * MILLIS);
        assertThat(due(100 * MILLIS)).containsExactly(11);
        assertThat(due(140 * MILLIS - 1)).isEmpty();
        generator.setRoundTrip(1 * MILLIS);
        assertThat(due(140 * MILLIS)).containsExactly(11);
        assertThat(generator.nextDueNanos()).isEqualTo(145 * MILLIS);
    }

    @Test
    void addsARandomShareOfTheRoundTripToEachWait() {
        NackGenerator jittery = new NackGenerator(new NackGeneratorConfig(64, 3, 1000 * MILLIS, 0, 5 * MILLIS,
                100 * MILLIS, 0.5), new SplittableRandom(7));
        long[] retries = new long[20];
        for (int i = 0; i < retries.length; i++) {
            jittery.onPacket(2 * i, 0);
            jittery.onPacket(2 * i + 2, 0);
            due(jittery, 0);
            retries[i] = jittery.nextDueNanos();
            jittery.onPacket(2 * i + 1, 0); // the retransmission came
        }

        assertThat(Arrays.stream(retries).min().getAsLong()).isGreaterThanOrEqualTo(100 * MILLIS);
        assertThat(Arrays.stream(retries).max().getAsLong()).isLessThanOrEqualTo(150 * MILLIS);
        assertThat(Arrays.stream(retries).distinct().count()).isGreaterThan(10);
    }

    @Test
    void givesUpAfterTheLastRequestHadARoundTripAndAsksForAKeyFrame() {
        receive(0, 10, 12);
        assertThat(due(0)).containsExactly(11);
        assertThat(due(100 * MILLIS)).containsExactly(11);
        assertThat(due(200 * MILLIS)).containsExactly(11);

        assertThat(due(300 * MILLIS - 1)).isEmpty();
        assertThat(generator.pollKeyFrameRequest()).isFalse();
        assertThat(due(300 * MILLIS)).isEmpty();
        assertThat(generator.pollKeyFrameRequest()).isTrue();
        assertThat(generator.pollKeyFrameRequest()).isFalse();

        generator.onPacket(11, 301 * MILLIS);
        assertThat(generator.stats()).extracting(NackStats::requests, NackStats::gaveUp, NackStats::late,
                NackStats::pending).containsExactly(3L, 1L, 1L, 0);
    }

    @Test
    void givesUpAPacketLostLongerAgoThanTheAgeLimit() {
        generator.setRoundTrip(600 * MILLIS);
        receive(0, 10, 12);
        due(0);
        due(600 * MILLIS);

        assertThat(generator.nextDueNanos()).isEqualTo(1000 * MILLIS + 1);
        assertThat(due(1000 * MILLIS)).isEmpty();
        assertThat(generator.pollKeyFrameRequest()).isFalse();
        assertThat(due(1000 * MILLIS + 1)).isEmpty();
        assertThat(generator.pollKeyFrameRequest()).isTrue();
        assertThat(generator.stats().gaveUp()).isEqualTo(1);
    }

    @Test
    void givesUpAPacketAWindowBehindTheNewest() {
        receive(0, 10, 12);
        for (int seq = 13; seq < 11 + 64; seq++) {
            generator.onPacket(seq, 0);
        }
        assertThat(generator.stats().pending()).isEqualTo(1);

        generator.onPacket(11 + 64, 0);

        assertThat(generator.stats().pending()).isZero();
        assertThat(generator.pollKeyFrameRequest()).isTrue();
        assertThat(due(0)).isEmpty();
    }

    @Test
    void aJumpAheadByMoreThanTheWindowGivesUpEverything() {
        receive(0, 10, 12);
        generator.onPacket(12 + 65, 0);

        assertThat(due(0)).isEmpty();
        assertThat(generator.pollKeyFrameRequest()).isTrue();
        assertThat(generator.stats().overflows()).isEqualTo(1);

        generator.onPacket(12 + 67, 0);
        assertThat(due(0)).containsExactly(12 + 66);
    }

    @Test
    void aJumpOfExactlyTheWindowIsStillTracked() {
        receive(0, 10, 10 + 64);

        assertThat(due(0)).hasSize(63).startsWith(11).endsWith(73);
        assertThat(generator.pollKeyFrameRequest()).isFalse();
    }

    @Test
    void stopsAskingForAPacketThatCame() {
        receive(0, 10, 13);
        assertThat(due(0)).containsExactly(11, 12);

        generator.onPacket(12, 50 * MILLIS);

        assertThat(due(100 * MILLIS)).containsExactly(11);
        assertThat(generator.stats().recovered()).isEqualTo(1);
    }

    @Test
    void countsDuplicatesOfTheNewestAndOfOlderPackets() {
        receive(0, 10, 11, 11, 10);

        assertThat(generator.stats().duplicates()).isEqualTo(2);
        assertThat(due(0)).isEmpty();
    }

    @Test
    void takesTwoPacketsInSequenceFarBehindForASenderThatStartedOver() {
        receive(0, 10_000, 10_001, 100, 10_002, 200, 201, 203);

        assertThat(generator.stats().restarts()).isEqualTo(1);
        assertThat(generator.stats().late()).isEqualTo(2);
        assertThat(due(0)).containsExactly(202);
    }

    @Test
    void handsOutNoMoreThanFitAndKeepsTheRestDue() {
        receive(0, 10, 21);
        int[] four = new int[4];

        assertThat(generator.due(0, four)).isEqualTo(4);
        assertThat(four).containsExactly(11, 12, 13, 14);
        assertThat(generator.due(0, four)).isEqualTo(4);
        assertThat(four).containsExactly(15, 16, 17, 18);
        assertThat(due(0)).containsExactly(19, 20);
    }

    @Test
    void clearsWhatTheCallerNoLongerNeedsWithoutAKeyFrameRequest() {
        receive(0, 65533, 4);

        generator.clearBefore(1);

        assertThat(due(0)).containsExactly(1, 2, 3);
        assertThat(generator.pollKeyFrameRequest()).isFalse();
        assertThat(generator.stats().cleared()).isEqualTo(3);
        generator.clearBefore(5);
        assertThat(generator.stats().pending()).isZero();
        generator.onPacket(2, 0);
        assertThat(generator.stats().late()).isEqualTo(1);
    }

    private void receive(long nowNanos, int... sequenceNumbers) {
        for (int seq : sequenceNumbers) {
            generator.onPacket(seq, nowNanos);
        }
    }

    private int[] due(long nowNanos) {
        return due(generator, nowNanos);
    }

    private static int[] due(NackGenerator generator, long nowNanos) {
        int[] dst = new int[100];
        return Arrays.copyOf(dst, generator.due(nowNanos, dst));
    }
}
