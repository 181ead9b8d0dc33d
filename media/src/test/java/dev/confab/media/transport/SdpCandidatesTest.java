package dev.confab.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.ice.RemoteCandidate;
import dev.confab.media.sdp.Candidate;
import dev.confab.media.sdp.CandidateType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Candidates between the ICE agent and SDP: Confab's written as Chromium writes its own, the peer's read or skipped. */
class SdpCandidatesTest {
    private static final IceCredentials GENERATION = new IceCredentials("cfbUfrag", "confabIcePassword22chars");

    @Test
    void writesAHostCandidateWithItsGenerationsUfrag() throws Exception {
        LocalCandidate host = LocalCandidate.host(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 50123),
                2130706431L, "1");

        Candidate sdp = SdpCandidates.toSdp(host, GENERATION);

        assertThat(sdp.toAttribute()).isEqualTo("candidate:1 1 udp 2130706431 127.0.0.1 50123 typ host ufrag cfbUfrag");
        assertThat(Candidate.parse(sdp.toAttribute())).isEqualTo(sdp);
    }

    @Test
    void writesAReflexiveCandidateWithItsBaseAsRelatedAddress() throws Exception {
        LocalCandidate srflx = new LocalCandidate(CandidateType.SRFLX,
                new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 40000),
                new InetSocketAddress(InetAddress.getByName("10.0.1.1"), 8998), 1694498815L, "2",
                Optional.of(new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 3478)));

        assertThat(SdpCandidates.toSdp(srflx, GENERATION).toSdpValue())
                .isEqualTo("2 1 udp 1694498815 198.51.100.7 40000 typ srflx raddr 10.0.1.1 rport 8998 ufrag cfbUfrag");
    }

    @Test
    void writesIpv6WithoutAScope() throws Exception {
        LocalCandidate host = LocalCandidate.host(new InetSocketAddress(InetAddress.getByName("fe80::1%1"), 9), 1, "3");

        assertThat(SdpCandidates.toSdp(host, GENERATION).address()).isEqualTo("fe80:0:0:0:0:0:0:1");
    }

    @Test
    void readsChromiumsUdpHostCandidate() throws Exception {
        Candidate chromium = Candidate.parse("candidate:252099379 1 udp 2122194687 127.0.0.1 54686 typ host generation 0"
                + " ufrag EsXk network-id 3 network-cost 50");

        assertThat(SdpCandidates.fromSdp(chromium)).isEqualTo(new CandidateConversion.Usable(new RemoteCandidate(
                CandidateType.HOST, new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 54686), 2122194687L,
                "252099379")));
    }

    @Test
    void readsARelayedIpv6Candidate() throws Exception {
        Candidate relay = Candidate.parse("candidate:4 1 udp 41885695 2001:db8::1 50000 typ relay raddr 0.0.0.0 rport 0");

        InetSocketAddress expected = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 50000);

        assertThat(SdpCandidates.fromSdp(relay)).isInstanceOfSatisfying(CandidateConversion.Usable.class,
                usable -> assertThat(usable.candidate().address()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MDNS_NAME             | candidate:1 1 udp 2122260223 3c9e0b6e-51b9-4a2b-9f2e-0123456789ab.local 59211 typ host",
        "HOST_NAME             | candidate:1 1 udp 2122260223 peer.example.com 59211 typ host",
        "TCP                   | candidate:1909021099 1 tcp 1518214911 127.0.0.1 9 typ host tcptype active",
        "NOT_RTP_COMPONENT     | candidate:1 2 udp 2122260222 127.0.0.1 59212 typ host",
        "PORT_ZERO             | candidate:1 1 udp 2122260223 127.0.0.1 0 typ host",
        "PRIORITY_OUT_OF_RANGE | candidate:1 1 udp 0 127.0.0.1 59211 typ host",
        "PRIORITY_OUT_OF_RANGE | candidate:1 1 udp 2147483648 127.0.0.1 59211 typ host",
        "MALFORMED_ADDRESS     | candidate:1 1 udp 1 ::::::1::: 59211 typ host"})
    void skipsWhatTheAgentCannotUseWithAReason(CandidateSkip reason, String text) throws Exception {
        assertThat(SdpCandidates.fromSdp(Candidate.parse(text))).isEqualTo(new CandidateConversion.Skipped(reason));
    }
}
