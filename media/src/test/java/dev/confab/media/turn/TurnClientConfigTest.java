package dev.confab.media.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Refresh timing stays inside the lifetimes RFC 8656 gives allocations, permissions and channels. */
class TurnClientConfigTest {
    private final TurnClientConfig config = TurnClientConfig.of(new TurnCredentials("u", "p"));

    @Test
    void theAllocationIsRefreshedAMarginBeforeExpiryOrHalfWayWhenShort() {
        assertThat(config.refreshDelay(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(9));
        assertThat(config.refreshDelay(Duration.ofSeconds(121))).isEqualTo(Duration.ofSeconds(61));
        assertThat(config.refreshDelay(Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.refreshDelay(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void permissionsAndChannelsAreRefreshedBeforeTheyExpire() {
        assertThat(config.permissionRefresh()).isLessThan(Duration.ofMinutes(5));
        assertThat(config.channelRefresh()).isLessThan(Duration.ofMinutes(10));
        assertThatThrownBy(() -> config.withRefreshIntervals(Duration.ofMinutes(5), Duration.ofMinutes(9),
                Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withRefreshIntervals(Duration.ofMinutes(4), Duration.ofMinutes(10),
                Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withRefreshIntervals(Duration.ofMinutes(4), Duration.ofMinutes(9),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
