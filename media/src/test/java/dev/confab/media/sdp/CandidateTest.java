package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.confab.media.sdp.SdpParseException.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The RFC 8839 candidate grammar with RFC 6544 TCP types, as Chromium, Firefox and trickle ICE write it. */
class CandidateTest {

    @Test
    void readsAChromiumHostCandidate() throws Exception {
        Candidate c = Candidate.parse(
                "candidate:252099379 1 udp 2122194687 127.0.0.1 54686 typ host generation 0 network-id 3 network-cost 50");

        assertThat(c.foundation()).isEqualTo("252099379");
        assertThat(c.component()).isEqualTo(1);
        assertThat(c.transport()).isEqualTo(CandidateTransport.UDP);
        assertThat(c.priority()).isEqualTo(2122194687L);
        assertThat(c.address()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(54686);
        assertThat(c.type()).isEqualTo(CandidateType.HOST);
        assertThat(c.related()).isEmpty();
        assertThat(c.generation()).hasValue(0);
        assertThat(c.extensions()).containsExactly(new CandidateExtension("generation", "0"),
                new CandidateExtension("network-id", "3"), new CandidateExtension("network-cost", "50"));
        assertThat(c.isMdnsName()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Chromium, mDNS-hidden host address, with trickle's ufrag extension.
        "candidate:1 1 udp 2122260223 3c9e0b6e-51b9-4a2b-9f2e-0123456789ab.local 59211 typ host generation 0 ufrag EsXk"
                + " network-id 1",
        // Server reflexive with its base.
        "candidate:842163049 1 udp 1677729535 198.51.100.7 40000 typ srflx raddr 10.0.1.1 rport 8998 generation 0",
        // Relay through TURN; Chromium hides the related address.
        "candidate:3 1 udp 41885695 203.0.113.9 50000 typ relay raddr 0.0.0.0 rport 0 generation 0",
        // Peer reflexive, IPv6.
        "candidate:4 1 udp 1845501695 2001:db8::1 9 typ prflx raddr 2001:db8::2 rport 7",
        "candidate:5 1 tcp 1518280447 192.0.2.2 9 typ host tcptype active generation 0",
        "candidate:6 1 tcp 1518280447 192.0.2.2 443 typ host tcptype passive",
        "candidate:7 2 tcp 1 fd00::2 5000 typ host tcptype so",
        "candidate:a+/Z 256 udp 0 host-1.example.com 65535 typ host"})
    void writesBackWhatItReads(String text) throws Exception {
        Candidate c = Candidate.parse(text);

        assertThat(c.toAttribute()).isEqualTo(text);
        assertThat(Candidate.parse("a=" + text)).isEqualTo(c);
        assertThat(Candidate.parse(text.substring("candidate:".length()))).isEqualTo(c);
    }

    @Test
    void readsTheSpecialFields() throws Exception {
        Candidate srflx = Candidate.parse("candidate:9 1 UDP 1 198.51.100.7 4 typ srflx raddr 10.0.1.1 rport 8998");
        Candidate mdns = Candidate.parse("candidate:1 1 udp 1 abc.local 9 typ host ufrag EsXk");
        Candidate tcp = Candidate.parse("candidate:1 1 tcp 1 192.0.2.2 9 typ host tcptype active generation x");

        assertThat(srflx.transport()).isEqualTo(CandidateTransport.UDP);
        assertThat(srflx.toSdpValue()).startsWith("9 1 udp 1 ");
        assertThat(srflx.related()).contains(new RelatedAddress("10.0.1.1", 8998));
        assertThat(mdns.isMdnsName()).isTrue();
        assertThat(mdns.ufrag()).contains("EsXk");
        assertThat(tcp.tcpType()).contains(TcpType.ACTIVE);
        assertThat(tcp.generation()).as("not a number").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no typ keyword       | candidate:1 1 udp 1 1.2.3.4 5 host",
        "too few fields       | candidate:1 1 udp 1 1.2.3.4 5 typ",
        "odd extension        | candidate:1 1 udp 1 1.2.3.4 5 typ host generation",
        "rport without raddr  | candidate:1 1 udp 1 1.2.3.4 5 typ srflx rport 7",
        "raddr twice          | candidate:1 1 udp 1 1.2.3.4 5 typ srflx raddr 1.1.1.1 raddr 1.1.1.1 rport 1",
        "typ twice            | candidate:1 1 udp 1 1.2.3.4 5 typ host typ host",
        "tcptype on udp       | candidate:1 1 udp 1 1.2.3.4 5 typ host tcptype active",
        "unknown tcptype      | candidate:1 1 tcp 1 1.2.3.4 5 typ host tcptype sideways",
        "foundation too long  | candidate:123456789012345678901234567890123 1 udp 1 1.2.3.4 5 typ host",
        "foundation char      | candidate:a-b 1 udp 1 1.2.3.4 5 typ host",
        "component 0          | candidate:1 0 udp 1 1.2.3.4 5 typ host",
        "component 257        | candidate:1 257 udp 1 1.2.3.4 5 typ host",
        "priority above 2^32  | candidate:1 1 udp 4294967296 1.2.3.4 5 typ host",
        "negative priority    | candidate:1 1 udp -1 1.2.3.4 5 typ host",
        "port 65536           | candidate:1 1 udp 1 1.2.3.4 65536 typ host",
        "IPv4 of three parts  | candidate:1 1 udp 1 1.2.3 5 typ host",
        "IPv4 part above 255  | candidate:1 1 udp 1 1.2.3.256 5 typ host",
        "address with slash   | candidate:1 1 udp 1 a/b 5 typ host",
        "double space         | candidate:1  1 udp 1 1.2.3.4 5 typ host",
        "extension named typ  | candidate:1 1 udp 1 1.2.3.4 5 typ host x y typ z",
        "empty                | candidate:"})
    void rejectsWhatBreaksTheGrammar(String name, String text) {
        SdpParseException e = catchThrowableOfType(SdpParseException.class, () -> Candidate.parse(text));

        assertThat(e).as(name).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.BAD_CANDIDATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "candidate:1 1 tls 1 1.2.3.4 5 typ host",
        "candidate:1 1 udp 1 1.2.3.4 5 typ nat64"})
    void setsOtherTransportsAndTypesApart(String text) {
        SdpParseException e = catchThrowableOfType(SdpParseException.class, () -> Candidate.parse(text));

        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_CANDIDATE);
    }

    @Test
    void refusesOverlongText() {
        String text = "candidate:1 1 udp 1 1.2.3.4 5 typ host" + " x y".repeat(300);

        assertThat(catchThrowableOfType(SdpParseException.class, () -> Candidate.parse(text)).reason())
                .isEqualTo(Reason.BAD_CANDIDATE);
    }

    @Test
    void aBuiltCandidateFormatsInGrammarOrder() {
        Candidate c = new Candidate("1", 1, CandidateTransport.TCP, 7, "::1", 9, CandidateType.SRFLX,
                Optional.of(new RelatedAddress("::2", 3)), Optional.of(TcpType.SO),
                List.of(new CandidateExtension("generation", "2")));

        assertThat(c.toAttribute()).isEqualTo("candidate:1 1 tcp 7 ::1 9 typ srflx raddr ::2 rport 3 tcptype so"
                + " generation 2");
    }
}
