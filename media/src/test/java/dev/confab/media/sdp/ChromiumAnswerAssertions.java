package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.crypto.dtls.DtlsSetup;
import java.util.List;

/** What Chromium 156's answer to Confab's audio (Opus) and video (VP8 + RTX) offer holds, as Confab's model sees it. */
final class ChromiumAnswerAssertions {
    private ChromiumAnswerAssertions() {}

    static void assertChromiumAnswer(SessionDescription answer) {
        assertThat(answer.bundleGroup()).contains(Group.bundle(List.of("0", "1")));
        assertThat(answer.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1");
        for (MediaDescription m : answer.media()) {
            assertThat(m.isRejected()).isFalse();
            assertThat(m.rtcpMux()).isTrue();
            assertThat(answer.setupFor(m)).contains(DtlsSetup.ACTIVE);
            assertThat(answer.fingerprintsFor(m)).hasSize(1);
            assertThat(answer.iceFor(m).ufrag()).isPresent();
            assertThat(m.effectiveDirection()).isEqualTo(Direction.SENDRECV);
            assertThat(m.msids()).hasSize(1);
        }
        MediaDescription audio = answer.media().get(0);
        MediaDescription video = answer.media().get(1);
        assertThat(audio.candidates()).as("candidates of the BUNDLE tag").isNotEmpty()
                .anySatisfy(c -> assertThat(c.address()).isEqualTo("127.0.0.1"));
        assertThat(video.candidates()).as("a bundled section gathers none of its own").isEmpty();
        assertThat(video.port()).isEqualTo(MediaDescription.DISCARD_PORT);
        assertThat(audio.payloadTypes()).containsExactly(111);
        assertThat(audio.rtpFormat(111).orElseThrow().rtpMap()).contains(RtpMap.of("opus", 48000, 2));
        assertThat(video.payloadTypes()).containsExactly(96, 97);
        assertThat(video.rtpFormat(96).orElseThrow().feedback())
                .containsExactlyInAnyOrder(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI, RtcpFeedback.CCM_FIR);
        assertThat(video.rtpFormat(97).orElseThrow().associatedPayloadType()).hasValue(96);
        assertThat(video.extmaps()).containsExactly(Extmap.of(4, Extmap.MID_URI));
    }
}
