package dev.confab.media.transport;

import dev.confab.media.ice.RemoteCandidate;
import java.util.Objects;

/** What became of an SDP candidate of the peer: a candidate for the ICE agent, or the reason it was skipped. */
public sealed interface CandidateConversion {

    /** A candidate the agent can check. */
    record Usable(RemoteCandidate candidate) implements CandidateConversion {
        public Usable {
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /** A candidate Confab does not use, and why. */
    record Skipped(CandidateSkip reason) implements CandidateConversion {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
