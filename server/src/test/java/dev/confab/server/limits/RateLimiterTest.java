package dev.confab.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.server.config.RateSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.ofEpochMilli(1_000_000);

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<String> rejections = new ArrayList<>();
    private final RateLimiter limiter = new RateLimiter("test", RateSpec.parse("3/1m"), clock, rejections::add);

    @Test
    void allowsTheBurstThenRefusesWithTheWait() {
        for (int i = 0; i < 3; i++) {
            limiter.check("alice");
        }
        assertThatThrownBy(() -> limiter.check("alice")).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.details()).containsEntry("retryAfterSeconds", 20L);
        });
        assertThat(rejections).containsExactly("test");
        limiter.check("bob");
    }

    @Test
    void refillsContinuously() {
        for (int i = 0; i < 3; i++) {
            limiter.check("alice");
        }
        clock.advance(Duration.ofSeconds(19));
        assertThat(limiter.tryTake("alice")).isEqualTo(1000);
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryTake("alice")).isZero();
    }

    @Test
    void sweepForgetsOnlyFullBuckets() {
        limiter.check("alice");
        limiter.check("bob");
        clock.advance(Duration.ofSeconds(10));
        limiter.check("bob");
        clock.advance(Duration.ofSeconds(10));
        limiter.sweep();
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void specsParse() {
        assertThat(RateSpec.parse("10/5m")).isEqualTo(new RateSpec(10, Duration.ofMinutes(5)));
        assertThat(RateSpec.parse("120/10s").period()).isEqualTo(Duration.ofSeconds(10));
        assertThat(RateSpec.parse("1/2h").period()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> RateSpec.parse("10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateSpec.parse("0/1m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateSpec.parse("5/1d")).isInstanceOf(IllegalArgumentException.class);
    }
}
