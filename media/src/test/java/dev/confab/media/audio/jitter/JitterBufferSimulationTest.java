package dev.confab.media.audio.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jitter buffer against a seeded simulated network on a virtual clock, with a decoder whose output says which
 * samples it decoded: what playout delivers and what the counters say under a clean network, jitter, loss with and
 * without FEC, falling jitter, wraps, a sender restart and DTX.
 */
class JitterBufferSimulationTest {
    private static final int FRAME = PlayoutRun.FRAME;

    @Test
    void aCleanNetworkSettlesAtOnePacketAndPlaysExactlyWhatWasSent() {
        PlayoutRun run = PlayoutRun.run(new SimulatedNetwork(1).packets(1000, FRAME), 1000);

        assertThat(run.stats.lost() + run.stats.concealedMs() + run.stats.late()).isZero();
        assertThat(run.stats.targetMs()).isBetween(20, 22);
        int settled = 150;
        for (int k = settled; k < 990; k++) {
            assertThat(run.levelMs[k]).as("level at frame %d", k).isBetween(20, 26);
            assertThat(run.kinds[k]).isEqualTo(PlayoutKind.NORMAL);
        }
        assertThat(run.count(PlayoutKind.EXPANDED, 0)).isZero();
        long start = startOf(run.output, settled * FRAME, 123_456, 123_456 + 1000L * FRAME);
        for (int i = settled * FRAME; i < 990 * FRAME; i++) {
            assertThat(run.output[i]).as("sample %d", i).isEqualTo(SpeechLikeSignal.sample(start + i - settled * FRAME));
        }
    }

    @Test
    void jitterOf30MsRaisesTheTargetToCoverItAndUnderflowsStayRare() {
        PlayoutRun run = PlayoutRun.run(new SimulatedNetwork(2).packets(3000, FRAME).jitterMs(30), 3000);

        assertThat(run.stats.targetMs()).isBetween(45, 80);
        assertThat(run.count(PlayoutKind.CONCEALED, 0)).isLessThanOrEqualTo(15);
        assertThat(run.count(PlayoutKind.CONCEALED, 1500)).isLessThanOrEqualTo(5);
        assertThat(run.stats.lost() + run.stats.late()).isLessThanOrEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 13, 23, 33, 43})
    void fivePercentLossAnd30MsJitterLeaveNoGapOver60Ms(long seed) {
        PlayoutRun run = PlayoutRun.run(new SimulatedNetwork(seed).packets(3000, FRAME).jitterMs(30)
                .loss(0.05, 0.05).withFec(), 3000);

        assertThat(run.stats.longestGapMs()).isLessThanOrEqualTo(60);
        assertThat(run.stats.lost()).isBetween(100L, 200L);
        assertThat(run.stats.fecRecovered()).isGreaterThan(run.stats.lost() * 3 / 4);
        assertThat(run.stats.concealedMs()).isLessThan(60_000 / 50);
    }

    @Test
    void withoutFecFivePercentLossIsConcealedPacketByPacket() {
        PlayoutRun run = PlayoutRun.run(new SimulatedNetwork(3).packets(3000, FRAME).jitterMs(30).loss(0.05, 0.05),
                3000);

        assertThat(run.stats.fecRecovered()).isZero();
        assertThat(run.stats.longestGapMs()).isLessThanOrEqualTo(80);
        assertThat(run.stats.concealedMs()).isBetween(run.stats.lost() * 20 - 100, run.stats.lost() * 20 + 300);
    }

    @Test
    void twentyPercentBurstyLossKeepsPlayingMostlyRealAudio() {
        PlayoutRun run = PlayoutRun.run(new SimulatedNetwork(4).packets(3000, FRAME).jitterMs(30).loss(0.2, 0.3)
                .withFec(), 3000);

        assertThat(run.stats.lost()).isBetween(500L, 800L);
        assertThat(run.stats.concealedMs()).isLessThan(60_000 / 10);
        assertThat(run.stats.longestGapMs()).isLessThanOrEqualTo(120);
        assertThat(run.count(PlayoutKind.NORMAL, 2900) + run.count(PlayoutKind.FEC_RECOVERED, 2900)).isGreaterThan(50);
    }

    @Test
    void whenJitterFallsTheBufferDrainsByAcceleratingWithinThirtySeconds() {
        PlayoutRun run = PlayoutRun.run(new SimulatedNetwork(5).packets(3000, FRAME).jitterMs(i -> i < 1000 ? 60 : 0),
                3000);

        assertThat(run.targetMs[990]).isGreaterThan(60);
        assertThat(run.levelMs[990]).isGreaterThan(60);
        int drained = 1000 + 30 * 50;
        assertThat(run.targetMs[drained]).isLessThanOrEqualTo(25);
        for (int k = drained; k < 3000; k++) {
            assertThat(run.levelMs[k]).as("level at frame %d", k).isLessThanOrEqualTo(35);
        }
        assertThat(run.stats.acceleratedMs()).isGreaterThan(40);
        assertThat(run.stats.lost() + run.stats.discarded()).isZero();
        assertThat(run.count(PlayoutKind.CONCEALED, 1100)).isZero();
    }

    @Test
    void sequenceNumbersAndTimestampsWrapWithoutAHitch() {
        SimulatedNetwork network = new SimulatedNetwork(6).packets(1000, FRAME).jitterMs(45).duplicates(0.05)
                .startingAt(65_000, (1L << 32) - 200L * FRAME);
        SyntheticDecoder decoder = new SyntheticDecoder();
        List<SimulatedNetwork.Arrival> arrivals = network.arrivals();
        PlayoutRun run = PlayoutRun.run(new AudioJitterBuffer(decoder, JitterBufferConfig.defaults()), arrivals, 1100,
                7_000_000);

        assertThat(run.stats.resets()).isZero();
        assertThat(run.stats.lost() + run.stats.late()).isLessThanOrEqualTo(2);
        assertThat(run.stats.duplicate()).isEqualTo(arrivals.size() - 1000);
        assertContiguous(decoder.decodedTimestamps(), 960);
        assertThat(decoder.decodedTimestamps()).contains((1L << 32) - FRAME, 1L << 32);
    }

    @Test
    void aSenderRestartResetsPlayoutAndCarriesOn() {
        SyntheticDecoder decoder = new SyntheticDecoder();
        SimulatedNetwork network = new SimulatedNetwork(7).packets(540, FRAME).jitterMs(30).restartAt(250);
        PlayoutRun run = PlayoutRun.run(new AudioJitterBuffer(decoder, JitterBufferConfig.defaults()),
                network.arrivals(), 520, 7_000_000);

        assertThat(run.stats.resets()).isEqualTo(1);
        assertThat(run.stats.played()).isGreaterThan(490);
        assertThat(run.stats.longestGapMs()).isLessThanOrEqualTo(60);
        assertThat(run.count(PlayoutKind.NORMAL, 265)).isGreaterThan(200);
        long[] decoded = decoder.decodedTimestamps();
        int restart = 0;
        while (decoded[restart + 1] - decoded[restart] == FRAME) {
            restart++;
        }
        assertContiguous(Arrays.copyOfRange(decoded, restart + 1, decoded.length), FRAME);
    }

    @Test
    void aDtxPeriodPlaysAsComfortNoiseAndIsNotLoss() {
        PlayoutRun run = PlayoutRun.run(new SimulatedNetwork(8).packets(540, FRAME).jitterMs(20).dtx(150, 250), 520);

        assertThat(run.stats.lost() + run.stats.late()).isZero();
        assertThat(run.stats.comfortNoiseMs()).isBetween(1_800L, 2_200L);
        assertThat(run.stats.concealedMs()).isLessThanOrEqualTo(40);
        assertThat(run.count(PlayoutKind.COMFORT_NOISE, 0)).isGreaterThan(85);
        assertThat(run.count(PlayoutKind.NORMAL, 260)).isGreaterThan(200);
    }

    @Test
    void aPacketArrivingAfterItsTurnIsCountedLateAndItsSlotConcealed() {
        List<SimulatedNetwork.Arrival> arrivals = new ArrayList<>(new SimulatedNetwork(9).packets(340, FRAME).arrivals());
        SimulatedNetwork.Arrival held = arrivals.remove(150);
        arrivals.add(new SimulatedNetwork.Arrival(held.atNanos() + 300_000_000, held.sequenceNumber(),
                held.rtpTimestamp(), held.payload()));
        arrivals.sort(Comparator.comparingLong(SimulatedNetwork.Arrival::atNanos));
        PlayoutRun run = PlayoutRun.run(new AudioJitterBuffer(new SyntheticDecoder(), JitterBufferConfig.defaults()),
                arrivals, 320, 7_000_000);

        assertThat(run.stats.late()).isEqualTo(1);
        assertThat(run.stats.lost()).isEqualTo(1);
        assertThat(run.stats.longestGapMs()).isBetween(20L, 40L);
    }

    @Test
    void packetsOfSixtyMillisecondsPlayAsWellAsShortOnes() {
        SyntheticDecoder decoder = new SyntheticDecoder();
        PlayoutRun run = PlayoutRun.run(new AudioJitterBuffer(decoder, JitterBufferConfig.defaults()),
                new SimulatedNetwork(10).packets(1000, 3 * FRAME).jitterMs(20).arrivals(), 3000, 7_000_000);

        assertThat(run.stats.lost()).isZero();
        assertThat(run.stats.concealedMs()).isLessThanOrEqualTo(40);
        assertThat(run.stats.targetMs()).isBetween(40, 80);
        assertContiguous(decoder.decodedTimestamps(), 3 * FRAME);
    }

    /** The timestamp of the signal sample at {@code at} in {@code output}, searched in {@code [from, to)}. */
    private static long startOf(short[] output, int at, long from, long to) {
        for (long t = from; t < to; t++) {
            boolean match = true;
            for (int i = 0; i < 64 && match; i++) {
                match = output[at + i] == SpeechLikeSignal.sample(t + i);
            }
            if (match) {
                return t;
            }
        }
        throw new AssertionError("the output at " + at + " is not the sent signal");
    }

    private static void assertContiguous(long[] timestamps, int step) {
        assertThat(timestamps.length).isGreaterThan(1);
        for (int i = 1; i < timestamps.length; i++) {
            assertThat(timestamps[i] - timestamps[i - 1]).as("decoded packet %d", i).isEqualTo(step);
        }
    }
}
