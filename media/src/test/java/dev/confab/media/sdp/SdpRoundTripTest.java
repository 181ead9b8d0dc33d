package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.crypto.dtls.DtlsSetup;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What Confab does not model survives a parse and a write in order, and what it models is written in the canonical
 * order whatever order it came in.
 */
class SdpRoundTripTest {

    @Test
    void unmodelledLinesAndAttributesAreKeptInOrder() throws Exception {
        String text = String.join("\r\n",
                "v=0",
                "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1",
                "s=Call to John Smith",
                "i=SDP Offer #1",
                "u=http://www.jdoe.example.com/home.html",
                "e=Jane Doe <jane@jdoe.example.com>",
                "p=+1 617 555-6011",
                "c=IN IP4 198.51.100.1",
                "b=AS:2000",
                "t=3724394400 3724398000",
                "r=604800 3600 0 90000",
                "t=0 0",
                "z=2882844526 -1h",
                "a=recvonly",
                "a=x-session-thing:1 2",
                "a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB",
                "m=audio 49170 RTP/AVP 0",
                "i=voice",
                "c=IN IP4 198.51.100.2/127",
                "b=AS:64",
                "a=x-first",
                "a=candidate:1 1 sctp 10 1.2.3.4 5 typ host",
                "a=rtcp-fb:* nack",
                "a=rtpmap:99 h263-1998/90000",
                "a=x-last:value with  spaces ",
                "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
                "a=sctp-port:5000",
                "a=rtpmap:5000 not-rtp/1",
                "");

        SessionDescription d = SessionDescription.parse(text);

        assertThat(d.lines()).extracting(SdpLine::type).containsExactly('i', 'u', 'e', 'p', 'c', 'b', 'r', 't', 'z');
        assertThat(d.timing()).isEqualTo(new Timing(3724394400L, 3724398000L));
        assertThat(d.fingerprints()).isEmpty();
        assertThat(d.attributes()).extracting(Attribute::name).containsExactly("recvonly", "x-session-thing",
                "fingerprint");
        MediaDescription audio = d.media().get(0);
        assertThat(audio.lines()).extracting(SdpLine::toSdp).containsExactly("i=voice", "b=AS:64");
        assertThat(audio.connection()).contains(new ConnectionData("IN", "IP4", "198.51.100.2/127"));
        assertThat(audio.candidates()).isEmpty();
        assertThat(audio.attributes()).extracting(Attribute::toSdpValue).containsExactly("x-first",
                "candidate:1 1 sctp 10 1.2.3.4 5 typ host", "rtcp-fb:* nack", "rtpmap:99 h263-1998/90000",
                "x-last:value with  spaces ");
        assertThat(d.media().get(1).attributes()).extracting(Attribute::name).containsExactly("sctp-port", "rtpmap");
        assertThat(d.toSdp()).isEqualTo(text);
        assertThat(SessionDescription.parse(d.toSdp())).isEqualTo(d);
    }

    @Test
    void modelledAttributesAreWrittenInCanonicalOrder() throws Exception {
        String scrambled = String.join("\n",
                "v=0", "o=- 5 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
                "a=msid-semantic:WMS *",
                "a=end-of-candidates",
                "a=group:BUNDLE a",
                "a=ice-options:trickle",
                "m=video 0 UDP/TLS/RTP/SAVPF 97 96",
                "a=rtpmap:96 VP8/90000",
                "a=ssrc:1 cname:c",
                "a=fmtp:97 apt=96",
                "a=rtcp-fb:96 nack pli",
                "a=bundle-only",
                "a=rtpmap:97 rtx/90000",
                "a=mid:a",
                "a=setup:actpass",
                "a=inactive",
                "a=ice-pwd:0123456789012345678901",
                "a=ice-ufrag:abcd",
                "a=end-of-candidates");

        SessionDescription d = SessionDescription.parse(scrambled);

        assertThat(d.toSdp()).isEqualTo(String.join("\r\n",
                "v=0", "o=- 5 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
                "a=ice-options:trickle",
                "a=group:BUNDLE a",
                "a=msid-semantic: WMS *",
                "a=end-of-candidates",
                "m=video 0 UDP/TLS/RTP/SAVPF 97 96",
                "a=end-of-candidates",
                "a=ice-ufrag:abcd",
                "a=ice-pwd:0123456789012345678901",
                "a=setup:actpass",
                "a=bundle-only",
                "a=mid:a",
                "a=inactive",
                "a=rtpmap:97 rtx/90000",
                "a=fmtp:97 apt=96",
                "a=rtpmap:96 VP8/90000",
                "a=rtcp-fb:96 nack pli",
                "a=ssrc:1 cname:c",
                ""));
        MediaDescription video = d.media().getFirst();
        assertThat(video.isRejected()).as("port 0 with bundle-only is not a rejection").isFalse();
        assertThat(video.effectiveDirection()).isEqualTo(Direction.INACTIVE);
        assertThat(d.iceFor(video)).isEqualTo(IceAttributes.of("abcd", "0123456789012345678901",
                List.of("trickle")));
        assertThat(d.setupFor(video)).contains(DtlsSetup.ACTPASS);
        assertThat(d.endOfCandidates()).isTrue();
        assertThat(d.endOfCandidatesFor(video)).isTrue();
        assertThat(d.msidSemantic()).contains(new MsidSemantic("WMS", List.of("*")));
    }

    @Test
    void linesOutOfOrderAreWrittenWhereSdpWantsThem() throws Exception {
        String text = SdpParserRejectsTest.VALID.replace("t=0 0\n", "r=1 2 3\nt=0 0\nb=AS:1\n")
                .replace("c=IN IP4 0.0.0.0\n", "b=AS:2\nc=IN IP4 0.0.0.0\ni=title\n");

        SessionDescription d = SessionDescription.parse(text);

        assertThat(d.lines()).extracting(SdpLine::toSdp).containsExactly("b=AS:1", "r=1 2 3");
        assertThat(d.media().getFirst().lines()).extracting(SdpLine::toSdp).containsExactly("i=title", "b=AS:2");
        assertThat(d.toSdp()).contains("s=-\r\nb=AS:1\r\nt=0 0\r\nr=1 2 3\r\n")
                .contains("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\ni=title\r\nc=IN IP4 0.0.0.0\r\nb=AS:2\r\n");
        assertThat(SessionDescription.parse(d.toSdp())).isEqualTo(d);
    }

    @Test
    void aBuiltDescriptionReadsBackEqual() throws Exception {
        SessionDescription built = JsepOffers.create(123, TestTransports.transport(3), TestTransports.audioAndVideo())
                .toBuilder()
                .addAttribute(Attribute.flag("x-confab"))
                .build();

        assertThat(SessionDescription.parse(built.toSdp())).isEqualTo(built);
    }

    @Test
    void sectionsOfOtherProtocolsKeepTheirFormatsAsTokens() throws Exception {
        SessionDescription d = SessionDescription.parse(SdpParserRejectsTest.VALID
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=mid:1\n");

        MediaDescription data = d.media().get(1);
        assertThat(data.isRtp()).isFalse();
        assertThat(data.formats()).containsExactly("webrtc-datachannel");
        assertThat(data.rtpFormats()).isEmpty();
        assertThat(data.mid()).isEqualTo(Optional.of("1"));
    }
}
