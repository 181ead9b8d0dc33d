package dev.confab.media.ice;

import java.util.Objects;

/**
 * Restarts ICE by itself when the path dies, so that a call recovers without anyone pressing a button: the
 * controlling side restarts when the agent reports DISCONNECTED and signals its new credentials; the other side
 * restarts when those arrive and signals its own back. When both sides restart at once, each takes the other's
 * credentials without restarting again.
 *
 * <p>Thread contract: thread-safe; {@link #stateChanged} is meant to be called from the agent's listener, and
 * {@link #remoteRestart} from wherever signaling messages arrive. The {@link Signal} is called without locks held.
 */
public final class IceRestarter {

    /** Sends this side's new credentials to the peer (in SDP terms, the ufrag and pwd of a re-offer or answer). */
    @FunctionalInterface
    public interface Signal {
        void send(IceCredentials fresh);
    }

    private final IceAgent agent;
    private final Signal signal;
    private boolean awaitingAnswer;
    private int restarts;

    public IceRestarter(IceAgent agent, Signal signal) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.signal = Objects.requireNonNull(signal, "signal");
    }

    /** Forward every state change here; DISCONNECTED or FAILED on the controlling side starts a restart. */
    public void stateChanged(IceState state) {
        if ((state != IceState.DISCONNECTED && state != IceState.FAILED) || agent.role() != IceRole.CONTROLLING) {
            return;
        }
        synchronized (this) {
            if (awaitingAnswer) {
                return;
            }
            awaitingAnswer = true;
            restarts++;
        }
        agent.restart().thenAccept(signal::send);
    }

    /**
     * The peer restarted with {@code peer}: answer with a restart of our own unless this answers ours. The agent's
     * serial executor runs the restart before it takes the new remote credentials.
     */
    public void remoteRestart(IceCredentials peer) {
        Objects.requireNonNull(peer, "peer");
        synchronized (this) {
            if (awaitingAnswer) {
                awaitingAnswer = false; // our restart, answered (or both restarted at once)
            } else {
                restarts++;
                agent.restart().thenAccept(signal::send);
            }
            agent.remoteCredentials(peer);
        }
    }

    /** Whether a restart of ours waits for the peer's credentials. */
    public synchronized boolean awaitingAnswer() {
        return awaitingAnswer;
    }

    /** Restarts this side has made. */
    public synchronized int restarts() {
        return restarts;
    }
}
