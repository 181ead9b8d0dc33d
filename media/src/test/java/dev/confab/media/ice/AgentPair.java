package dev.confab.media.ice;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Two agents in this JVM whose candidates and credentials are signaled to each other directly, as a test's stand-in
 * for the signaling server; each records the states it went through and the datagrams it received.
 */
final class AgentPair implements AutoCloseable {
    final Side a;
    final Side b;
    private final ScheduledThreadPoolExecutor timers;

    AgentPair(IceAgentConfig config, IceRole roleA, IceRole roleB, long seed) {
        this(config, roleA, roleB, seed, new ScheduledThreadPoolExecutor(1));
    }

    /** Two agents sharing {@code timers}, which the pair shuts down when closed. */
    AgentPair(IceAgentConfig config, IceRole roleA, IceRole roleB, long seed, ScheduledThreadPoolExecutor timers) {
        this.timers = timers;
        a = new Side("a", config, roleA, new SplittableRandom(seed));
        b = new Side("b", config, roleB, new SplittableRandom(~seed));
        a.peer = b;
        b.peer = a;
    }

    /** Starts both, then exchanges credentials; candidates trickle as they are gathered. */
    AgentPair connect() {
        a.agent.start().join();
        b.agent.start().join();
        a.agent.remoteCredentials(b.agent.localCredentials());
        b.agent.remoteCredentials(a.agent.localCredentials());
        return this;
    }

    /** Tasks the agents' shared timer thread has run so far (its wake-ups). */
    long timerTasksRun() {
        return timers.getCompletedTaskCount();
    }

    /** Closes both agents and waits (a few seconds at most) until they have released everything. */
    @Override
    public void close() {
        a.close();
        b.close();
        CompletableFuture.allOf(a.agent.terminated(), b.agent.terminated()).completeOnTimeout(null, 5, TimeUnit.SECONDS)
                .join();
        timers.shutdownNow();
    }

    /** One agent with its executor and what it heard. */
    final class Side implements IceListener, AutoCloseable {
        final String name;
        final ExecutorService executor;
        final IceAgent agent;
        final List<IceState> states = new CopyOnWriteArrayList<>();
        final List<byte[]> received = new CopyOnWriteArrayList<>();
        final List<LocalCandidate> gathered = new CopyOnWriteArrayList<>();
        final IceRestarter restarter;
        volatile boolean trickle = true;
        volatile boolean gatheringComplete;
        Side peer;

        Side(String name, IceAgentConfig config, IceRole role, SplittableRandom random) {
            this.name = name;
            this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "ice-" + name));
            this.agent = IceAgent.create(config, role, executor, timers, this, random);
            restarter = new IceRestarter(agent, fresh -> peer.restarter.remoteRestart(fresh));
            agent.packetHandler((kind, buf, off, len) -> received.add(java.util.Arrays.copyOfRange(buf, off, off + len)));
        }

        @Override
        public void localCandidate(LocalCandidate candidate, IceCredentials credentials) {
            gathered.add(candidate);
            if (trickle) {
                peer.agent.addRemoteCandidate(asRemote(candidate), credentials.ufrag());
            }
        }

        @Override
        public void gatheringComplete(IceCredentials credentials) {
            gatheringComplete = true;
        }

        @Override
        public void stateChanged(IceState state) {
            states.add(state);
            restarter.stateChanged(state);
        }

        IceState state() {
            return agent.state();
        }

        @Override
        public void close() {
            agent.close();
            executor.shutdown();
        }
    }

    static RemoteCandidate asRemote(LocalCandidate candidate) {
        return new RemoteCandidate(candidate.type(), candidate.address(), candidate.priority(),
                candidate.foundation());
    }
}
