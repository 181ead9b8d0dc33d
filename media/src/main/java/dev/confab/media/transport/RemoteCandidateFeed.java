package dev.confab.media.transport;

import dev.confab.media.ice.IceAgent;
import dev.confab.media.sdp.Candidate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Gives the peer's SDP candidates (from its description or trickled) to an {@link IceAgent}, each under the ICE
 * generation it belongs to, and counts the ones skipped by {@link CandidateSkip reason}.
 *
 * <p>Thread contract: thread-safe; the agent takes candidates from any thread.
 */
public final class RemoteCandidateFeed {
    private final IceAgent agent;
    private final AtomicLongArray skipped = new AtomicLongArray(CandidateSkip.values().length);

    RemoteCandidateFeed(IceAgent agent) {
        this.agent = Objects.requireNonNull(agent, "agent");
    }

    /**
     * Adds one candidate of the peer.
     *
     * @param ufrag the ufrag of the description or signaling message it came with; the candidate's own {@code ufrag}
     *              extension, when present, wins
     * @return whether the agent got it (false: skipped and counted)
     */
    public boolean add(Candidate candidate, String ufrag) {
        Objects.requireNonNull(ufrag, "ufrag");
        return switch (SdpCandidates.fromSdp(candidate)) {
            case CandidateConversion.Usable usable -> {
                agent.addRemoteCandidate(usable.candidate(), candidate.ufrag().orElse(ufrag));
                yield true;
            }
            case CandidateConversion.Skipped(CandidateSkip reason) -> {
                skipped.incrementAndGet(reason.ordinal());
                yield false;
            }
        };
    }

    /** The peer signalled end-of-candidates. */
    public void end() {
        agent.endOfRemoteCandidates();
    }

    /** How many candidates were skipped for {@code reason}. */
    public long skipped(CandidateSkip reason) {
        return skipped.get(reason.ordinal());
    }

    /** The non-zero skip counts, for statistics and failure messages. */
    public Map<CandidateSkip, Long> skippedCounts() {
        Map<CandidateSkip, Long> counts = new EnumMap<>(CandidateSkip.class);
        for (CandidateSkip reason : CandidateSkip.values()) {
            long count = skipped(reason);
            if (count > 0) {
                counts.put(reason, count);
            }
        }
        return counts;
    }
}
