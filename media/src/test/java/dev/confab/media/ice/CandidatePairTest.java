package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.sdp.CandidateType;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** When a check from the peer triggers one of ours, and whose failure a pair's state follows. */
class CandidatePairTest {
    private final CandidatePair pair = new CandidatePair(
            LocalCandidate.host(new InetSocketAddress("10.0.1.2", 5000), 2_130_706_431L, "1"),
            new RemoteCandidate(CandidateType.SRFLX, new InetSocketAddress("203.0.113.101", 6000), 1_694_498_815L, "2"));

    @Test
    void aPairNotYetCheckedOrFailedIsCheckedAtOnce() {
        for (PairState state : new PairState[] {PairState.FROZEN, PairState.WAITING, PairState.FAILED}) {
            pair.state(state);
            assertThat(pair.wantsTriggeredCheck()).as(state.name()).isTrue();
        }
    }

    /** A NAT on our side dropped our first check until the peer's came in: do not wait for its retransmission. */
    @Test
    void aPairWhoseCheckIsUnansweredIsCheckedAgainButWithAtMostTwoInFlight() {
        pair.state(PairState.IN_PROGRESS);
        pair.checkSent();
        assertThat(pair.wantsTriggeredCheck()).isTrue();
        pair.checkSent();
        assertThat(pair.wantsTriggeredCheck()).isFalse();
    }

    @Test
    void aValidPairTriggersNothing() {
        pair.state(PairState.IN_PROGRESS);
        pair.checkSent();
        pair.markValid();
        assertThat(pair.wantsTriggeredCheck()).isFalse();
        pair.state(PairState.SUCCEEDED);
        assertThat(pair.wantsTriggeredCheck()).isFalse();
    }

    @Test
    void onlyTheLastCheckInFlightSpeaksForThePair() {
        pair.checkSent();
        pair.checkSent();
        assertThat(pair.checkEnded()).isFalse();
        assertThat(pair.checkEnded()).isTrue();
    }
}
