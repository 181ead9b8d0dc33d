package dev.confab.media.turn;

import static dev.confab.media.turn.TurnTestbed.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.confab.media.stun.ErrorCode;
import dev.confab.media.stun.RetransmissionPolicy;
import dev.confab.testkit.Coturn;
import dev.confab.testkit.FreePorts;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Allocations on a real coturn with shared-secret credentials: granted, refused, refreshed, released. */
class TurnAllocationTest {
    @RegisterExtension
    static final CoturnExtension COTURN = new CoturnExtension(Coturn.Options.loopback());
    private final Coturn coturn = COTURN.coturn();

    @Test
    void sharedSecretCredentialsGetAnAllocation() throws Exception {
        try (TurnTestbed testbed = new TurnTestbed(coturn, TurnTestbed.config(coturn))) {
            TurnAllocation allocation = done(testbed.client.allocate());

            assertThat(allocation.mapped()).isEqualTo(testbed.address());
            assertThat(allocation.relayed().getAddress()).isEqualTo(coturn.address().getAddress());
            assertThat(allocation.relayed().getPort()).isBetween(coturn.relayPorts()[0], coturn.relayPorts()[1]);
            assertThat(allocation.lifetime()).isEqualTo(Duration.ofMinutes(10));
            assertThat(testbed.client.state()).isEqualTo(TurnClient.State.ALLOCATED);
            assertThat(testbed.client.allocation()).contains(allocation);
        }
    }

    @Test
    void aWrongPasswordFailsClearly() throws Exception {
        TurnCredentials wrong = new TurnCredentials(TurnTestbed.credentials(coturn).username(), "bm90IHRoZSBwYXNzd29yZA==");
        try (TurnTestbed testbed = new TurnTestbed(coturn, TurnClientConfig.of(wrong))) {
            assertThatThrownBy(() -> done(testbed.client.allocate())).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(TurnException.class, e -> {
                        assertThat(e.failure()).isEqualTo(TurnFailure.UNAUTHORIZED);
                        assertThat(e.errorCode()).map(ErrorCode::code).contains(401);
                        assertThat(e.getMessage()).contains("refused the credentials", wrong.username(), coturn.realm());
                    });
            assertThat(testbed.client.state()).isEqualTo(TurnClient.State.FAILED);
        }
    }

    @Test
    void expiredCredentialsAreRefused() throws Exception {
        TurnCredentials expired = TurnRestCredentials.issue(coturn.secret(), "alice", Instant.now().minusSeconds(60));
        try (TurnTestbed testbed = new TurnTestbed(coturn, TurnClientConfig.of(expired))) {
            assertThatThrownBy(() -> done(testbed.client.allocate())).cause().isInstanceOfSatisfying(TurnException.class,
                    e -> assertThat(e.failure()).isEqualTo(TurnFailure.UNAUTHORIZED));
        }
    }

    @Test
    void refreshKeepsTheAllocation() throws Exception {
        try (TurnTestbed testbed = TurnTestbed.allocated(coturn, TurnTestbed.config(coturn))) {
            assertThat(done(testbed.client.refresh())).isEqualTo(Duration.ofMinutes(10));
            assertThat(testbed.client.stats().allocationRefreshes()).isEqualTo(1);
        }
    }

    /**
     * coturn deletes a released allocation on its next timer tick, closing the relayed port; a Refresh before that
     * would revive it. So wait for the port to close, then the server must answer 437.
     */
    @Test
    void releaseDeletesTheAllocationOnTheServer() throws Exception {
        try (TurnTestbed testbed = TurnTestbed.allocated(coturn, TurnTestbed.config(coturn))) {
            int relayedPort = testbed.client.allocation().orElseThrow().relayed().getPort();
            assertThat(FreePorts.udpBound(relayedPort)).isTrue();

            done(testbed.client.release());

            assertThat(testbed.client.state()).isEqualTo(TurnClient.State.RELEASED);
            await("coturn closing relayed port " + relayedPort).atMost(Duration.ofSeconds(10))
                    .until(() -> !FreePorts.udpBound(relayedPort));

            assertThatThrownBy(() -> done(testbed.client.refresh())).cause().isInstanceOfSatisfying(TurnException.class,
                    e -> {
                        assertThat(e.failure()).isEqualTo(TurnFailure.ALLOCATION_MISMATCH);
                        assertThat(e.errorCode()).map(ErrorCode::code).contains(437);
                    });
        }
    }

    @Test
    void anAllocationWhoseServerVanishedIsReportedLost() throws Exception {
        TurnClientConfig config = TurnTestbed.config(coturn)
                .withRetransmission(new RetransmissionPolicy(Duration.ofMillis(50), 3, 4));
        Coturn shortLived = Coturn.start(Coturn.Options.loopback().withArguments("--max-allocate-lifetime=2"));
        try (TurnTestbed testbed = TurnTestbed.allocated(shortLived, config)) {
            shortLived.close();

            await("the refresh after 1 s timing out").atMost(Duration.ofSeconds(10)).until(() -> !testbed.losses.isEmpty());

            assertThat(testbed.losses.getFirst().failure()).isEqualTo(TurnFailure.TIMEOUT);
            assertThat(testbed.client.state()).isEqualTo(TurnClient.State.FAILED);
            byte[] data = {1};
            assertThat(testbed.client.sendToPeer(testbed.address(), data, 0, 1)).isFalse();
        } finally {
            shortLived.close();
        }
    }

    @Test
    void aSecondAllocateOnTheSameClientIsRefusedLocally() throws Exception {
        try (TurnTestbed testbed = TurnTestbed.allocated(coturn, TurnTestbed.config(coturn))) {
            assertThatThrownBy(() -> done(testbed.client.allocate())).cause().isInstanceOfSatisfying(TurnException.class,
                    e -> assertThat(e.failure()).isEqualTo(TurnFailure.WRONG_STATE));
        }
    }
}
