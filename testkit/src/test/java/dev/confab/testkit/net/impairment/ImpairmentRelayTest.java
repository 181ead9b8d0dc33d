package dev.confab.testkit.net.impairment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The relay over real UDP sockets on loopback: seeded runs of numbered datagrams, measured at the receiver. */
class ImpairmentRelayTest {
    private static final long MILLI = 1_000_000;

    @Test
    void lossDuplicationAndReorderingMatchTheSettingsAndTheReceiverSeesWhatTheCountersSay() {
        Impairment impairment = Impairment.NONE.withLoss(LossModel.random(0.05)).withDuplication(0.03)
                .withDelay(Duration.ofMillis(10), Duration.ZERO).withReordering(0.05, Duration.ofMillis(20));
        int count = 3000;
        try (NumberedDatagrams traffic = new NumberedDatagrams(); ImpairmentRelay relay = relay(traffic, 21, impairment)) {
            traffic.send(relay.addressA(), 0, count, 100, MILLI / 4);
            RelayCounters counters = awaitIdle(relay, Direction.A_TO_B, count, traffic);

            assertThat(counters.lost() / (double) count).isCloseTo(0.05, within(0.015));
            assertThat(counters.duplicated() / (double) count).isCloseTo(0.03, within(0.012));
            assertThat(counters.reordered() / (double) count).isCloseTo(0.05, within(0.02));
            assertThat(counters.overflowed() + counters.undeliverable()).isZero();

            List<NumberedDatagrams.Arrival> arrivals = traffic.arrivals();
            Set<Long> distinct = arrivals.stream().map(NumberedDatagrams.Arrival::number).collect(Collectors.toSet());
            assertThat(distinct).hasSize(count - (int) counters.lost());
            assertThat(arrivals.size() - distinct.size()).as("copies received").isEqualTo(counters.duplicated());
            assertThat(reorderedAtReceiver(arrivals)).isEqualTo(counters.reordered());
            assertThat(arrivals).allMatch(a -> a.delayNanos() >= 10 * MILLI);
            assertThat(percentile(arrivals, 0.5)).as("median one-way delay").isBetween(10 * MILLI, 14 * MILLI);
        }
    }

    @Test
    void delayAndJitterShowInTheOneWayDelays() {
        Impairment impairment = Impairment.NONE.withDelay(Duration.ofMillis(30), Duration.ofMillis(10));
        try (NumberedDatagrams traffic = new NumberedDatagrams(); ImpairmentRelay relay = relay(traffic, 22, impairment)) {
            traffic.send(relay.addressA(), 0, 1000, 100, MILLI / 2);
            awaitIdle(relay, Direction.A_TO_B, 1000, traffic);

            List<NumberedDatagrams.Arrival> arrivals = traffic.arrivals();
            double mean = arrivals.stream().mapToLong(NumberedDatagrams.Arrival::delayNanos).average().orElseThrow();
            assertThat(mean).isCloseTo(31e6, within(2e6));
            assertThat(arrivals).as("never early").allMatch(a -> a.delayNanos() >= 20 * MILLI);
            assertThat(percentile(arrivals, 0.99)).as("99th percentile, scheduling slack allowed").isLessThan(45 * MILLI);
            assertThat(arrivals.stream().filter(a -> a.delayNanos() < 25 * MILLI).count()).as("early quarter")
                    .isBetween(150L, 350L);
            assertThat(reorderedAtReceiver(arrivals)).as("a 20 ms wide jitter reorders datagrams 0.5 ms apart")
                    .isGreaterThan(100);
        }
    }

    @Test
    void theRateLimitHoldsTheSetRateAndCountsWhatOverflows() {
        Impairment impairment = Impairment.NONE.withRateLimit(RateLimit.of(1_000_000));
        int count = 375;
        try (NumberedDatagrams traffic = new NumberedDatagrams(); ImpairmentRelay relay = relay(traffic, 23, impairment)) {
            traffic.send(relay.addressA(), 0, count, 1000, 4 * MILLI);
            RelayCounters counters = awaitIdle(relay, Direction.A_TO_B, count, traffic);

            assertThat(counters.overflowed()).as("2 Mbit/s offered to 1 Mbit/s").isBetween(140L, 210L);
            List<NumberedDatagrams.Arrival> arrivals = traffic.arrivals();
            double seconds = (arrivals.getLast().arrivedNanos() - arrivals.getFirst().arrivedNanos()) / 1e9;
            assertThat((arrivals.size() - 1) * 1000 * 8 / seconds).as("bit/s").isCloseTo(1_000_000, within(100_000.0));
            assertThat(percentile(arrivals, 1.0)).as("at most the 200 ms queue, and some slack").isLessThan(250 * MILLI);
        }
    }

    @Test
    void theSameSeedDeliversTheSameDatagramsAndAnotherSeedOthers() {
        Impairment impairment = Impairment.NONE.withLoss(LossModel.bursts(0.1, 3)).withDuplication(0.05);
        List<Long> first = deliveredNumbers(31, impairment);
        assertThat(first).isEqualTo(deliveredNumbers(31, impairment));
        assertThat(first).isNotEqualTo(deliveredNumbers(32, impairment));
    }

    @Test
    void settingsChangeWhileRunningAndEachDirectionHasItsOwn() throws IOException {
        try (NumberedDatagrams traffic = new NumberedDatagrams(); ImpairmentRelay relay = relay(traffic, 24, Impairment.NONE)) {
            traffic.send(relay.addressA(), 0, 100, 100, MILLI / 10);
            await().atMost(Duration.ofSeconds(5)).until(() -> traffic.arrived() == 100);

            relay.impair(Direction.A_TO_B, Impairment.NONE.withLoss(LossModel.random(1)));
            traffic.send(relay.addressA(), 100, 100, 100, MILLI / 10);
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.counters(Direction.A_TO_B).lost() == 100);
            assertThat(relay.impairment(Direction.B_TO_A)).isEqualTo(Impairment.NONE);

            for (int i = 0; i < 50; i++) {
                traffic.receiverSocket().send(new DatagramPacket(new byte[] {(byte) i}, 1, relay.addressB()));
            }
            traffic.sender().setSoTimeout(5000);
            for (int i = 0; i < 50; i++) {
                DatagramPacket reply = new DatagramPacket(new byte[10], 10);
                traffic.sender().receive(reply);
                assertThat(reply.getSocketAddress()).as("from the relay's side A").isEqualTo(relay.addressA());
                assertThat(reply.getData()[0]).isEqualTo((byte) i);
            }
            assertThat(relay.counters(Direction.B_TO_A)).isEqualTo(new RelayCounters(50, 50, 0, 0, 0, 0, 0));

            relay.impair(Direction.A_TO_B, Impairment.NONE);
            traffic.send(relay.addressA(), 200, 10, 100, MILLI / 10);
            await().atMost(Duration.ofSeconds(5)).until(() -> traffic.arrived() == 110);
            assertThat(relay.counters(Direction.A_TO_B)).isEqualTo(new RelayCounters(210, 110, 100, 0, 0, 0, 0));
        }
    }

    @Test
    void aDatagramForASideWhosePeerIsUnknownIsCountedAsUndeliverable() throws IOException {
        try (NumberedDatagrams traffic = new NumberedDatagrams(); ImpairmentRelay relay = relay(traffic, 25, Impairment.NONE)) {
            traffic.receiverSocket().send(new DatagramPacket(new byte[1], 1, relay.addressB()));
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.counters(Direction.B_TO_A).undeliverable() == 1);
        }
    }

    @Test
    void whatItHoldsIsBoundedAndTheRestCountedAsOverflowed() {
        Impairment slow = Impairment.NONE.withDelay(Duration.ofMillis(300), Duration.ZERO);
        try (NumberedDatagrams traffic = new NumberedDatagrams();
                ImpairmentRelay relay = ImpairmentRelay.builder().peerB(traffic.receiverAddress()).seed(26)
                        .maxHeldBytes(65_535).impair(Direction.A_TO_B, slow).start()) {
            traffic.send(relay.addressA(), 0, 200, 1000, MILLI / 10);
            RelayCounters counters = awaitIdle(relay, Direction.A_TO_B, 200, traffic);
            assertThat(counters.forwarded()).isEqualTo(65);
            assertThat(counters.overflowed()).isEqualTo(135);
        }
    }

    private static ImpairmentRelay relay(NumberedDatagrams traffic, long seed, Impairment aToB) {
        return ImpairmentRelay.builder().peerB(traffic.receiverAddress()).seed(seed).impair(Direction.A_TO_B, aToB).start();
    }

    /** Waits until every datagram sent has met its fate and every one forwarded has arrived. */
    private static RelayCounters awaitIdle(ImpairmentRelay relay, Direction direction, long sent, NumberedDatagrams traffic) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            RelayCounters c = relay.counters(direction);
            return c.received() == sent && c.received() + c.duplicated() == c.forwarded() + c.dropped()
                    && traffic.arrived() == c.forwarded();
        });
        return relay.counters(direction);
    }

    private static List<Long> deliveredNumbers(long seed, Impairment impairment) {
        try (NumberedDatagrams traffic = new NumberedDatagrams(); ImpairmentRelay relay = relay(traffic, seed, impairment)) {
            traffic.send(relay.addressA(), 0, 1000, 100, MILLI / 10);
            awaitIdle(relay, Direction.A_TO_B, 1000, traffic);
            return traffic.arrivals().stream().map(NumberedDatagrams.Arrival::number).sorted().toList();
        }
    }

    private static long reorderedAtReceiver(List<NumberedDatagrams.Arrival> arrivals) {
        long highest = -1;
        long reordered = 0;
        for (NumberedDatagrams.Arrival arrival : arrivals) {
            if (arrival.number() < highest) {
                reordered++;
            }
            highest = Math.max(highest, arrival.number());
        }
        return reordered;
    }

    private static long percentile(List<NumberedDatagrams.Arrival> arrivals, double fraction) {
        long[] delays = arrivals.stream().mapToLong(NumberedDatagrams.Arrival::delayNanos).sorted().toArray();
        return delays[(int) Math.min(delays.length - 1, Math.floor(fraction * delays.length))];
    }
}
