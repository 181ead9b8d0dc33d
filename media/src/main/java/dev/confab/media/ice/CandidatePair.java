package dev.confab.media.ice;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A local and a remote candidate that may form the path (RFC 8445 section 6.1.2), with its check state.
 *
 * <p>Thread contract: confined to the agent's serial executor.
 */
public final class CandidatePair {
    private final LocalCandidate local;
    private final RemoteCandidate remote;
    private PairState state = PairState.FROZEN;
    private boolean nominated;
    private boolean valid;
    private boolean nominateOnSuccess;
    private int checksInFlight;
    private volatile Duration roundTrip;

    CandidatePair(LocalCandidate local, RemoteCandidate remote) {
        this.local = Objects.requireNonNull(local, "local");
        this.remote = Objects.requireNonNull(remote, "remote");
    }

    public LocalCandidate local() {
        return local;
    }

    public RemoteCandidate remote() {
        return remote;
    }

    public PairState state() {
        return state;
    }

    void state(PairState state) {
        this.state = state;
    }

    /**
     * The time from sending this pair's last successful check to its response; empty before one succeeded. A response to
     * a retransmission counts from the first sending, so it errs long, which is the safe side for timers built on it.
     */
    public Optional<Duration> roundTrip() {
        return Optional.ofNullable(roundTrip);
    }

    void roundTrip(Duration measured) {
        roundTrip = measured;
    }

    /** Whether a check on this pair succeeded with a symmetric response: it may carry media. */
    public boolean valid() {
        return valid;
    }

    void markValid() {
        valid = true;
    }

    /** Whether this valid pair was nominated (a check with USE-CANDIDATE succeeded on it). */
    public boolean nominated() {
        return nominated;
    }

    void markNominated() {
        nominated = true;
    }

    /** Whether the controlling peer nominated this pair before this side's own check on it succeeded. */
    boolean nominateOnSuccess() {
        return nominateOnSuccess;
    }

    void nominateOnSuccess(boolean value) {
        nominateOnSuccess = value;
    }

    /** A check on this pair went out. */
    void checkSent() {
        checksInFlight++;
    }

    /** A check on this pair ended; returns whether no other is still in flight, so its failure is the pair's. */
    boolean checkEnded() {
        checksInFlight--;
        return checksInFlight == 0;
    }

    /**
     * Whether a check from the peer on this pair should trigger one of ours now: it has not been checked, or failed,
     * or its checks so far went unanswered while the peer's just came through, which proves the path is open now
     * (a NAT that dropped our first check opens once the peer has sent to us); RFC 8445 section 7.3.1.4. At most two
     * checks are in flight, so a peer's retransmissions do not multiply ours.
     */
    boolean wantsTriggeredCheck() {
        return switch (state) {
            case FROZEN, WAITING, FAILED -> true;
            case IN_PROGRESS -> !valid && checksInFlight < 2;
            case SUCCEEDED -> false;
        };
    }

    /** The pair's foundation: the two candidates' foundations together. */
    public String foundation() {
        return local.foundation() + ":" + remote.foundation();
    }

    /** The priority as this agent in {@code role} computes it. */
    public long priority(IceRole role) {
        return role == IceRole.CONTROLLING
                ? CandidatePriority.pair(local.priority(), remote.priority())
                : CandidatePriority.pair(remote.priority(), local.priority());
    }

    /** Whether this pair sends from the same base to the same remote address as {@code other}. */
    boolean sameRoute(CandidatePair other) {
        return local.base().equals(other.local.base()) && local.relayed() == other.local.relayed()
                && (!local.relayed() || local.address().equals(other.local.address()))
                && remote.address().equals(other.remote.address());
    }

    @Override
    public String toString() {
        return local.type().sdpValue() + " " + local.address() + " -> " + remote.type().sdpValue() + " "
                + remote.address() + " " + state + (valid ? " valid" : "") + (nominated ? " nominated" : "");
    }
}
