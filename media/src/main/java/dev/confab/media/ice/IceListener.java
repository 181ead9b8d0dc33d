package dev.confab.media.ice;

/**
 * What an {@link IceAgent} tells its owner.
 *
 * <p>Thread contract: every method is called on the agent's serial executor, one at a time; keep them short.
 */
public interface IceListener {

    /** A local candidate to signal to the peer (trickle), with the credentials it belongs to. */
    default void localCandidate(LocalCandidate candidate, IceCredentials credentials) {
    }

    /** Every local candidate of this generation has been reported: signal end-of-candidates. */
    default void gatheringComplete(IceCredentials credentials) {
    }

    /** The connectivity state changed. */
    default void stateChanged(IceState state) {
    }

    /** Media now goes over {@code pair}. */
    default void selectedPairChanged(CandidatePair pair) {
    }
}
