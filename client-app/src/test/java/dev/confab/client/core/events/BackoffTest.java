package dev.confab.client.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    /** A generator that always returns the same fraction, to see the schedule's edges exactly. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void withoutJitterDoublesFrom250MillisUpToTheCap() {
        Backoff backoff = Backoff.defaults(fixed(0));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(backoff.next().toMillis());
        }
        assertThat(delays).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 4000L, 4000L, 4000L);
    }

    @Test
    void jitterOnlyShortensAndStaysWithinHalfOfTheStep() {
        Backoff backoff = Backoff.defaults(fixed(0.999999));
        assertThat(backoff.next().toMillis()).isEqualTo(125);
        assertThat(backoff.next().toMillis()).isEqualTo(250);
    }

    @Test
    void aSeededScheduleIsReproducibleAndBounded() {
        List<Duration> first = schedule(new SplittableRandom(42));
        List<Duration> second = schedule(new SplittableRandom(42));
        assertThat(first).isEqualTo(second);
        for (int i = 0; i < first.size(); i++) {
            long step = Math.min(4000, 250L << i);
            assertThat(first.get(i).toMillis()).as("delay %d", i).isBetween(step / 2, step);
        }
        assertThat(schedule(new SplittableRandom(7))).isNotEqualTo(first);
    }

    @Test
    void resetStartsOverAndManyAttemptsNeverOverflow() {
        Backoff backoff = Backoff.defaults(fixed(0));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofSeconds(4));
        }
        assertThat(backoff.attempts()).isEqualTo(100);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refusesJitterOutsideItsRange() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(1), Duration.ofSeconds(1), 1.0, fixed(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Duration> schedule(RandomGenerator random) {
        Backoff backoff = Backoff.defaults(random);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            delays.add(backoff.next());
        }
        return delays;
    }
}
