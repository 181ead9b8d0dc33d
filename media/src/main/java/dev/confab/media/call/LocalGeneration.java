package dev.confab.media.call;

import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.sdp.SessionDescription;
import dev.confab.media.transport.LocalDescriptions;
import java.util.ArrayList;
import java.util.List;

/**
 * This side's candidates of its current ICE generation, as gathered, so that a description sent again (a re-offer whose
 * answer did not come, an answer to an offer that came twice) can carry them: their trickle may have been lost with the
 * signaling connection the network change took down. A new generation (new credentials) starts the list afresh.
 *
 * <p>Not thread-safe: confined to the session's thread.
 */
final class LocalGeneration {
    private static final int MAX_CANDIDATES = 32;

    private final List<LocalCandidate> candidates = new ArrayList<>();
    private IceCredentials credentials;
    private boolean complete;

    void gathered(LocalCandidate candidate, IceCredentials of) {
        startIfNew(of);
        if (candidates.size() < MAX_CANDIDATES) {
            candidates.add(candidate);
        }
    }

    void complete(IceCredentials of) {
        startIfNew(of);
        complete = true;
    }

    /** {@code description} with the candidates gathered so far if they belong to {@code current}, else as it is. */
    SessionDescription withCandidates(SessionDescription description, IceCredentials current) {
        if (!current.equals(credentials)) {
            return description;
        }
        return LocalDescriptions.withCandidates(description, List.copyOf(candidates), credentials, complete);
    }

    private void startIfNew(IceCredentials of) {
        if (!of.equals(credentials)) {
            credentials = of;
            candidates.clear();
            complete = false;
        }
    }
}
