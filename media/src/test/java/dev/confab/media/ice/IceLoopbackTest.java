package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two agents on this machine's own addresses, loopback included, with candidates trickled directly. */
class IceLoopbackTest {

    private static final IceAgentConfig CONFIG = IceAgentConfig.defaults().withLoopback(true);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void twoAgentsConnectOnANominatedPairAndCarryMediaBothWays() throws Exception {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLED, 1).connect()) {
            awaitConnected(pair);

            assertThat(pair.a.agent.selectedPair().orElseThrow().nominated()).isTrue();
            assertThat(pair.a.gathered).isNotEmpty();
            byte[] rtp = {(byte) 0x80, 111, 0, 1};
            byte[] dtls = {22, (byte) 0xfe, (byte) 0xfd};
            assertThat(pair.a.agent.send(rtp, 0, rtp.length)).isTrue();
            assertThat(pair.b.agent.send(dtls, 0, dtls.length)).isTrue();
            await().atMost(WAIT).until(() -> !pair.b.received.isEmpty() && !pair.a.received.isEmpty());
            assertThat(pair.b.received.getFirst()).isEqualTo(rtp);
            assertThat(pair.a.received.getFirst()).isEqualTo(dtls);
            assertThat(pair.a.states).startsWith(IceState.CHECKING, IceState.CONNECTED);
        }
    }

    @Test
    void onceNominatedTheAgentsTickOnlyWhenConsentIsDueAndKeepIt() throws Exception {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLED, 9).connect()) {
            awaitConnected(pair);
            await().atMost(WAIT).until(() -> pair.a.agent.selectedPair().map(CandidatePair::nominated).orElse(false)
                    && pair.b.agent.selectedPair().map(CandidatePair::nominated).orElse(false));
            Thread.sleep(200); // the tick after nomination slows the pacer
            long before = pair.timerTasksRun();

            Thread.sleep(3000); // longer than DISCONNECTED's 2.5 s: consent must be refreshed meanwhile

            // Two agents, each ticking when a consent check is due (every second, +-20%), and the timers of those
            // checks' transactions: about 12. At Ta (20 ms) they would run 300 ticks, at 100 ms 60.
            assertThat(pair.timerTasksRun() - before).isBetween(4L, 24L);
            assertThat(pair.a.states).doesNotContain(IceState.DISCONNECTED, IceState.FAILED);
            assertThat(pair.b.states).doesNotContain(IceState.DISCONNECTED, IceState.FAILED);
            assertThat(pair.a.agent.sinceConsentResponse()).as("the peer answered consent lately")
                    .isLessThan(Duration.ofMillis(2500));
        }
    }

    /**
     * A timer thread may mark a task's future done only after the executor already ran the tick that task handed it
     * (a busy machine); the agent must not take such a tick's own pending future for a later one and stop ticking.
     * Here the timer's futures never report done: once the peer goes away, consent must still notice it.
     */
    @Test
    void aConnectedAgentKeepsTickingWhenTheTimerReportsItsTasksDoneLate() throws Exception {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLED, 11, new LateDoneTimers())
                .connect()) {
            awaitConnected(pair);
            await().atMost(WAIT).until(() -> pair.a.agent.selectedPair().map(CandidatePair::nominated).orElse(false));
            Thread.sleep(1500); // several single ticks, each scheduled from the one before

            pair.b.agent.close();
            await().atMost(Duration.ofSeconds(6)).until(() -> pair.a.states.contains(IceState.DISCONNECTED));
        }
    }

    /** Timers whose one-shot futures say they are not done until cancelled, as if marked done late. */
    private static final class LateDoneTimers extends java.util.concurrent.ScheduledThreadPoolExecutor {
        LateDoneTimers() {
            super(1);
        }

        @Override
        protected <V> java.util.concurrent.RunnableScheduledFuture<V> decorateTask(Runnable runnable,
                java.util.concurrent.RunnableScheduledFuture<V> task) {
            if (task.isPeriodic()) {
                return task;
            }
            return new java.util.concurrent.RunnableScheduledFuture<>() {
                @Override
                public boolean isPeriodic() {
                    return false;
                }

                @Override
                public void run() {
                    task.run();
                }

                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    return task.cancel(mayInterruptIfRunning);
                }

                @Override
                public boolean isCancelled() {
                    return task.isCancelled();
                }

                @Override
                public boolean isDone() {
                    return task.isCancelled();
                }

                @Override
                public V get() throws InterruptedException, java.util.concurrent.ExecutionException {
                    return task.get();
                }

                @Override
                public V get(long timeout, TimeUnit unit) throws InterruptedException,
                        java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
                    return task.get(timeout, unit);
                }

                @Override
                public long getDelay(TimeUnit unit) {
                    return task.getDelay(unit);
                }

                @Override
                public int compareTo(java.util.concurrent.Delayed other) {
                    return task.compareTo(other);
                }
            };
        }
    }

    @Test
    void candidatesTrickledBeforeTheCredentialsWaitForThem() {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLED, 2)) {
            pair.a.agent.start().join();
            pair.b.agent.start().join();
            await().atMost(WAIT).until(() -> pair.a.gatheringComplete && pair.b.gatheringComplete);
            assertThat(pair.a.state()).isEqualTo(IceState.NEW);

            pair.a.agent.remoteCredentials(pair.b.agent.localCredentials());
            pair.b.agent.remoteCredentials(pair.a.agent.localCredentials());

            awaitConnected(pair);
        }
    }

    @Test
    void twoControllingAgentsResolveTheConflictAndConnect() {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLING, 3).connect()) {
            awaitConnected(pair);

            await().atMost(WAIT).until(() -> pair.a.agent.role() != pair.b.agent.role()
                    && pair.a.agent.selectedPair().map(CandidatePair::nominated).orElse(false)
                    && pair.b.agent.selectedPair().map(CandidatePair::nominated).orElse(false));
        }
    }

    @Test
    void twoControlledAgentsResolveTheConflictAndConnect() {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLED, IceRole.CONTROLLED, 4).connect()) {
            awaitConnected(pair);

            await().atMost(WAIT).until(() -> pair.a.agent.role() != pair.b.agent.role()
                    && pair.a.agent.selectedPair().map(CandidatePair::nominated).orElse(false)
                    && pair.b.agent.selectedPair().map(CandidatePair::nominated).orElse(false));
        }
    }

    @Test
    void aFloodOfGarbageAtTheAgentsPortsLeavesTheSelectedPathWorking() throws Exception {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLED, 5).connect();
                DatagramChannel attacker = DatagramChannel.open()) {
            awaitConnected(pair);
            InetSocketAddress target = pair.b.agent.selectedPair().orElseThrow().local().address();
            Thread flood = Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom(55);
                byte[] garbage = new byte[200];
                try {
                    for (int i = 0; i < 20_000; i++) {
                        random.nextBytes(garbage);
                        garbage[0] = (byte) (i % 4 == 0 ? 0 : garbage[0]); // a quarter look like STUN
                        attacker.send(ByteBuffer.wrap(garbage, 0, 20 + random.nextInt(180)), target);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] rtp = {(byte) 0x80, 111, 0, 0};

            for (int seq = 1; flood.isAlive() || seq < 50; seq++) { // a 20 ms media stream during the flood
                rtp[3] = (byte) seq;
                pair.a.agent.send(rtp, 0, rtp.length);
                Thread.sleep(20);
            }
            int sentAfterFlood = rtp[3];

            await().atMost(WAIT).until(() -> pair.b.received.stream().anyMatch(d -> d[3] == (byte) sentAfterFlood));
            assertThat(pair.b.agent.droppedDatagrams() + pair.b.agent.rejectedChecks()).isGreaterThan(1000);
            assertThat(pair.b.states).doesNotContain(IceState.DISCONNECTED, IceState.FAILED);
            assertThat(pair.b.received).allSatisfy(d -> assertThat(d).hasSize(4).startsWith((byte) 0x80, (byte) 111));
        }
    }

    @Test
    void whenThePeerVanishesTheAgentReportsDisconnectedThenLosesConsent() {
        IceAgentConfig quick = CONFIG.withConsentTimers(Duration.ofMillis(200), Duration.ofMillis(600),
                Duration.ofSeconds(2));
        try (AgentPair pair = new AgentPair(quick, IceRole.CONTROLLING, IceRole.CONTROLLED, 6).connect()) {
            awaitConnected(pair);

            pair.b.close();

            await().atMost(WAIT).until(() -> pair.a.state() == IceState.FAILED);
            assertThat(pair.a.states).containsSubsequence(IceState.CONNECTED, IceState.DISCONNECTED, IceState.FAILED);
            assertThat(pair.a.agent.sinceConsentResponse()).as("consent expired after 2 s without an answer")
                    .isGreaterThan(Duration.ofSeconds(2));
            byte[] rtp = {(byte) 0x80, 111, 0, 3};
            assertThat(pair.a.agent.send(rtp, 0, rtp.length)).as("nothing is sent without consent").isFalse();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void closingReleasesEverySocket() {
        AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLED, 8).connect();
        awaitConnected(pair);
        List<InetSocketAddress> bound = pair.a.gathered.stream().map(LocalCandidate::address).toList();

        pair.close();

        await().atMost(WAIT).until(() -> pair.a.states.contains(IceState.CLOSED));
        for (InetSocketAddress address : bound) {
            await().atMost(WAIT).untilAsserted(() -> {
                try (DatagramChannel again = DatagramChannel.open()) {
                    again.bind(address); // fails while the agent still holds the port
                }
            });
        }
    }

    @Test
    void theDefaultsEndADeadSessionWithinThirtySeconds() {
        IceAgentConfig defaults = IceAgentConfig.defaults();

        assertThat(defaults.consentExpiry()).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.disconnectAfter()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anIceRestartOnBothSidesFindsAPathAgainWithNewCredentials() {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLED, 7).connect()) {
            awaitConnected(pair);
            IceCredentials before = pair.a.agent.localCredentials();

            IceCredentials newA = pair.a.agent.restart().join();
            IceCredentials newB = pair.b.agent.restart().join();
            pair.a.agent.remoteCredentials(newB);
            pair.b.agent.remoteCredentials(newA);

            assertThat(newA).isNotEqualTo(before);
            await().atMost(WAIT).until(() -> pair.a.agent.selectedPair().map(CandidatePair::nominated).orElse(false)
                    && pair.a.agent.localCredentials().equals(newA));
            byte[] rtp = {(byte) 0x80, 111, 0, 4};
            pair.a.agent.send(rtp, 0, rtp.length);
            await().atMost(WAIT).until(() -> pair.b.received.stream().anyMatch(d -> d[3] == 4));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitConnected(AgentPair pair) {
        await().atMost(WAIT).until(() -> pair.a.state() == IceState.CONNECTED && pair.b.state() == IceState.CONNECTED
                && pair.a.agent.selectedPair().isPresent() && pair.b.agent.selectedPair().isPresent());
    }
}
