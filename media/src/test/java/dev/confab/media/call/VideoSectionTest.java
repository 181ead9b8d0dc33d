package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.sdp.MediaDescription;
import dev.confab.media.sdp.RtcpFeedback;
import dev.confab.media.sdp.SessionDescription;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The video section of a call's descriptions: Confab offers VP8 with RTX and its feedback, answers Chromium's offer
 * with VP8 only and the feedback and extensions it implements, and reads the peer's video SSRCs.
 */
class VideoSectionTest {
    @RegisterExtension
    final SessionFixture sessions = new SessionFixture();

    @Test
    void confabOffersVp8WithRtxAndFeedbackAndTheCalleeAgrees() throws Exception {
        CallSession caller = sessions.session(31, new CallSessionListener() { });
        CallSession callee = sessions.session(32, new CallSessionListener() { });
        String offer = caller.createOffer();
        assertThat(offer).contains("m=video", "a=rtpmap:96 VP8/90000", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96",
                "a=rtcp-fb:96 nack\r\n", "a=rtcp-fb:96 nack pli", "a=rtcp-fb:96 ccm fir", "a=rtcp-fb:96 transport-cc",
                "a=ssrc-group:FID", "a=group:BUNDLE 0 1");

        String answer = callee.acceptOffer(offer);
        caller.acceptAnswer(answer);

        VideoSection.Negotiated atCallee = callee.negotiatedVideo().orElseThrow();
        assertThat(atCallee.vp8PayloadType()).isEqualTo(VideoSection.VP8_PAYLOAD_TYPE);
        assertThat(atCallee.rtxPayloadType()).isEqualTo(OptionalInt.of(VideoSection.RTX_PAYLOAD_TYPE));
        assertThat(atCallee.nack() && atCallee.pli() && atCallee.fir() && atCallee.transportCc()).isTrue();
        assertThat(atCallee.peerReceives()).isTrue();
        VideoSection.Negotiated atCaller = caller.negotiatedVideo().orElseThrow();
        assertThat(atCaller.peerSsrcs().media()).isEqualTo(OptionalLong.of(firstFidSsrc(answer)));
        assertThat(atCaller.extensions().transportSequence()).isEqualTo(3);
        assertThat(atCaller.extensions().mid()).isEqualTo(4);
    }

    @Test
    void chromiumsOfferIsAnsweredWithVp8AndWhatConfabImplementsOnly() throws Exception {
        CallSession callee = sessions.session(33, new CallSessionListener() { });
        String answerText = callee.acceptOffer(fixture("chromium-offer.sdp"));

        MediaDescription video = SessionDescription.parse(answerText).media().stream()
                .filter(m -> m.media().equals(MediaDescription.VIDEO)).findFirst().orElseThrow();
        assertThat(video.payloadTypes()).containsExactly(96, 97);
        assertThat(video.rtpFormat(96).orElseThrow().feedback())
                .containsExactlyInAnyOrderElementsOf(VideoSection.FEEDBACK)
                .doesNotContain(new RtcpFeedback("goog-remb", java.util.Optional.empty()));
        assertThat(video.extmaps()).extracting(e -> e.id()).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(answerText).contains("a=ssrc-group:FID");

        VideoSection.Negotiated chromium = callee.negotiatedVideo().orElseThrow();
        assertThat(chromium.peerSsrcs().media()).isEqualTo(OptionalLong.of(891983474L));
        assertThat(chromium.peerSsrcs().rtx()).isEqualTo(OptionalLong.of(3355842197L));
        assertThat(chromium.rtxPayloadType()).isEqualTo(OptionalInt.of(97));
    }

    @Test
    void aPeerThatOffersAudioOnlyGetsACallWithoutVideo() throws Exception {
        CallSession caller = sessions.session(34, new CallSessionListener() { });
        CallSession callee = sessions.session(35, new CallSessionListener() { });
        String offer = caller.createOffer();
        String audioOnly = offer.substring(0, offer.indexOf("m=video")).replace("a=group:BUNDLE 0 1",
                "a=group:BUNDLE 0");
        String answer = callee.acceptOffer(audioOnly);
        assertThat(answer).doesNotContain("m=video");
        assertThat(callee.negotiatedVideo()).isEmpty();
        assertThat(callee.opusPayloadType()).hasValue(AudioSection.OPUS_PAYLOAD_TYPE);
    }

    private static long firstFidSsrc(String text) {
        String fid = text.substring(text.indexOf("a=ssrc-group:FID ") + "a=ssrc-group:FID ".length());
        return Long.parseLong(fid.substring(0, fid.indexOf(' ')));
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = SessionDescription.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
