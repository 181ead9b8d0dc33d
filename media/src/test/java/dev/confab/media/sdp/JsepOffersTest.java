package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.crypto.dtls.DtlsSetup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Confab's offers: one BUNDLE transport, actpass, rtcp-mux, the caller's codecs and tracks, read back equal. */
class JsepOffersTest {

    @Test
    void offersAudioAndVideoOnOneBundledTransport() throws Exception {
        LocalTransport transport = TestTransports.transport(4);

        SessionDescription offer = JsepOffers.create(7, transport, TestTransports.audioAndVideo());

        assertThat(offer.origin().toSdpValue()).isEqualTo("- 7 1 IN IP4 127.0.0.1");
        assertThat(offer.bundleGroup()).contains(Group.bundle(List.of("0", "1")));
        assertThat(offer.msidSemantic()).contains(new MsidSemantic("WMS", List.of("confab")));
        for (MediaDescription m : offer.media()) {
            assertThat(m.setup()).contains(DtlsSetup.ACTPASS);
            assertThat(m.fingerprints()).containsExactly(transport.fingerprint());
            assertThat(m.ice().options()).containsExactly(IceAttributes.TRICKLE);
            assertThat(m.rtcpMux()).isTrue();
            assertThat(m.rtcpRsize()).isTrue();
            assertThat(m.connection()).contains(ConnectionData.UNSPECIFIED_IP4);
        }
        assertThat(offer.media().get(0).payloadTypes()).containsExactly(111);
        assertThat(offer.media().get(1).payloadTypes()).containsExactly(96, 97);
        assertThat(offer.media().get(1).ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(2222L, 3333L)));
        assertThat(SessionDescription.parse(offer.toSdp())).isEqualTo(offer);
    }

    @Test
    void writesTheOfferChromiumIsShownInTheInteropTest() {
        String sdp = JsepOffers.create(7, TestTransports.transport(4), TestTransports.audioAndVideo()).toSdp();

        assertThat(sdp).startsWith("v=0\r\no=- 7 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
                + "a=msid-semantic: WMS confab\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n"
                + "a=rtcp:9 IN IP4 0.0.0.0\r\na=ice-ufrag:cfb4\r\n");
        assertThat(sdp).contains("a=setup:actpass\r\na=mid:1\r\na=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=sendrecv\r\na=msid:confab cam\r\na=rtcp-mux\r\na=rtcp-rsize\r\na=rtpmap:96 VP8/90000\r\n"
                + "a=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\na=rtcp-fb:96 ccm fir\r\na=rtpmap:97 rtx/90000\r\n"
                + "a=fmtp:97 apt=96\r\na=ssrc-group:FID 2222 3333\r\na=ssrc:2222 cname:confabcname\r\n");
    }

    @Test
    void refusesAnEmptyOfferAndAMidUsedTwice() {
        LocalTransport transport = TestTransports.transport(4);
        LocalMedia audio = TestTransports.audioAndVideo().getFirst();

        assertThatThrownBy(() -> JsepOffers.create(1, transport, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsepOffers.create(1, transport, List.of(audio, audio)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mid '0'");
    }
}
