package dev.confab.media.turn;

import static dev.confab.media.turn.TurnTestbed.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.Coturn;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refreshes on a coturn whose nonces go stale after 1 s, whose allocations last 4 s and whose permissions and
 * channels last 2 s: the client must answer 438 with the new nonce, and relaying works after several lifetimes only if
 * its own timers keep the allocation, permissions and channels alive.
 */
class TurnRefreshTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final CoturnExtension COTURN = new CoturnExtension(Coturn.Options.loopback()
            .withArguments("--stale-nonce=1", "--max-allocate-lifetime=4", "--permission-lifetime=2",
                    "--channel-lifetime=2"));
    private final Coturn coturn = COTURN.coturn();

    /**
     * coturn grants 4 s to an Allocate (its maximum here) but 600 s to a Refresh without LIFETIME, so one refresh
     * before 4 s is all it takes; relaying after more than 4 s shows the allocation outlived its first lifetime.
     */
    @Test
    void theAllocationIsRefreshedBeforeItExpiresAcrossAStaleNonce() throws Exception {
        TurnClientConfig config = TurnTestbed.config(coturn)
                .withRefreshIntervals(Duration.ofSeconds(299), Duration.ofSeconds(1), Duration.ofMinutes(1));
        try (TurnTestbed testbed = TurnTestbed.allocated(coturn, config); UdpPeer peer = new UdpPeer()) {
            assertThat(testbed.client.allocation().orElseThrow().lifetime()).isEqualTo(Duration.ofSeconds(4));
            done(testbed.client.bindChannel(peer.address()));

            // Refreshed after 2 s (half of a lifetime shorter than twice the 60 s margin), after the nonce went stale;
            // five channel refreshes, one a second, put the test past the first 4 s.
            await("an allocation refresh and five channel refreshes").atMost(WAIT).until(() ->
                    testbed.client.stats().allocationRefreshes() >= 1 && testbed.client.stats().channelRefreshes() >= 5);

            assertThat(testbed.client.allocation().orElseThrow().lifetime()).isEqualTo(Duration.ofMinutes(10));
            assertThat(testbed.client.stats().staleNonces()).isPositive();
            assertThat(testbed.losses).isEmpty();
            TurnRelayTest.roundTrip(testbed, peer, "after 5 s of a 4 s allocation");
        }
    }

    @Test
    void refreshedPermissionsOutliveTheirLifetime() throws Exception {
        TurnClientConfig config = TurnTestbed.config(coturn)
                .withRefreshIntervals(Duration.ofSeconds(1), Duration.ofMinutes(9), Duration.ofMinutes(1));
        try (TurnTestbed testbed = TurnTestbed.allocated(coturn, config); UdpPeer peer = new UdpPeer()) {
            done(testbed.client.createPermission(peer.address().getAddress()));

            await("three permission refreshes").atMost(WAIT)
                    .until(() -> testbed.client.stats().permissionRefreshes() >= 3);

            TurnRelayTest.roundTrip(testbed, peer, "after 3 s of a 2 s permission");
            assertThat(testbed.client.stats().dataIndicationsReceived()).isEqualTo(1);
        }
    }

    @Test
    void rebindingKeepsAChannelAndItsPermission() throws Exception {
        // Permissions are refreshed only by the channel binding here, as RFC 8656 section 12 lets it.
        TurnClientConfig config = TurnTestbed.config(coturn)
                .withRefreshIntervals(Duration.ofSeconds(299), Duration.ofSeconds(1), Duration.ofMinutes(1));
        try (TurnTestbed testbed = TurnTestbed.allocated(coturn, config); UdpPeer peer = new UdpPeer()) {
            done(testbed.client.bindChannel(peer.address()));

            await("three channel refreshes").atMost(WAIT).until(() -> testbed.client.stats().channelRefreshes() >= 3);

            TurnRelayTest.roundTrip(testbed, peer, "after 3 s of a 2 s channel");
            assertThat(testbed.client.stats().channelDataReceived()).isEqualTo(1);
        }
    }
}
