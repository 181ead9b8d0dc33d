package dev.confab.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.ice.IceAgent;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.media.ice.IceListener;
import dev.confab.media.ice.IceRole;
import dev.confab.media.sdp.Candidate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The peer's candidates reach the agent, or are skipped and counted by reason. */
class RemoteCandidateFeedTest {
    private final ExecutorService serial = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final IceAgent agent = IceAgent.create(IceAgentConfig.defaults(), IceRole.CONTROLLED, serial, timers,
            new IceListener() { }, new SplittableRandom(5));

    @AfterEach
    void tearDown() {
        agent.close();
        serial.shutdownNow();
        timers.shutdownNow();
    }

    @Test
    void takesChromiumsUdpCandidatesAndSkipsItsTcpOnes() throws Exception {
        RemoteCandidateFeed feed = new RemoteCandidateFeed(agent);
        PeerTransport chromium = PeerTransport.of(PeerTransportTest.fixture("chromium-offer.sdp"));

        long taken = chromium.candidates().stream().filter(c -> feed.add(c, chromium.credentials().ufrag())).count();

        assertThat(taken).isEqualTo(4);
        assertThat(feed.skippedCounts()).isEqualTo(Map.of(CandidateSkip.TCP, 4L));
    }

    @Test
    void countsEachSkippedCandidateByReason() throws Exception {
        RemoteCandidateFeed feed = new RemoteCandidateFeed(agent);

        boolean udp = feed.add(Candidate.parse("candidate:1 1 udp 2122194687 127.0.0.1 54686 typ host ufrag EsXk"), "EsXk");
        boolean tcpActive = feed.add(Candidate.parse("candidate:2 1 tcp 1518214911 127.0.0.1 9 typ host tcptype active"),
                "EsXk");
        boolean tcpPassive = feed.add(Candidate.parse(
                "candidate:3 1 tcp 1518214910 127.0.0.1 4431 typ host tcptype passive"), "EsXk");
        boolean mdns = feed.add(Candidate.parse("candidate:4 1 udp 2122260223 a-b.local 59211 typ host"), "EsXk");

        assertThat(udp).isTrue();
        assertThat(tcpActive || tcpPassive || mdns).isFalse();
        assertThat(feed.skipped(CandidateSkip.TCP)).isEqualTo(2);
        assertThat(feed.skipped(CandidateSkip.MDNS_NAME)).isEqualTo(1);
        assertThat(feed.skippedCounts()).isEqualTo(Map.of(CandidateSkip.TCP, 2L, CandidateSkip.MDNS_NAME, 1L));
    }
}
