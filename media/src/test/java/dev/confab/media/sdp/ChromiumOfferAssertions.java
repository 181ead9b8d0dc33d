package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.crypto.dtls.DtlsSetup;
import java.util.List;
import java.util.Optional;

/** What every Chromium 156 offer with a microphone and a camera track holds (LAB.md), as Confab's model sees it. */
final class ChromiumOfferAssertions {
    private ChromiumOfferAssertions() {}

    static void assertChromiumOffer(SessionDescription offer) {
        assertThat(offer.bundleGroup()).contains(Group.bundle(List.of("0", "1")));
        assertThat(offer.extmapAllowMixed()).isTrue();
        assertThat(offer.msidSemantic()).get().extracting(MsidSemantic::semantic).isEqualTo("WMS");
        assertThat(offer.media()).extracting(MediaDescription::media).containsExactly("audio", "video");

        MediaDescription audio = offer.media().get(0);
        MediaDescription video = offer.media().get(1);
        for (MediaDescription m : offer.media()) {
            assertThat(m.proto()).isEqualTo(MediaDescription.UDP_TLS_RTP_SAVPF);
            assertThat(m.rtcpMux()).isTrue();
            assertThat(m.rtcpRsize()).isTrue();
            assertThat(m.effectiveDirection()).isEqualTo(Direction.SENDRECV);
            assertThat(offer.setupFor(m)).contains(DtlsSetup.ACTPASS);
            assertThat(offer.fingerprintsFor(m)).hasSize(1);
            assertThat(offer.iceFor(m).ufrag()).isPresent();
            assertThat(offer.iceFor(m).pwd()).isPresent();
            assertThat(offer.iceFor(m).options()).contains(IceAttributes.TRICKLE);
            assertThat(m.extmaps()).extracting(Extmap::uri).contains(Extmap.MID_URI);
            assertThat(m.msids()).hasSize(1);
            assertThat(m.ssrcs()).extracting(SsrcAttribute::attribute).contains(SsrcAttribute.CNAME);
            assertThat(m.candidates()).isNotEmpty();
            assertThat(m.candidates()).allSatisfy(c -> assertThat(c.type()).isEqualTo(CandidateType.HOST));
            assertThat(m.candidates()).anySatisfy(c -> assertThat(c.address()).isEqualTo("127.0.0.1"));
            assertThat(m.candidates()).filteredOn(c -> c.transport() == CandidateTransport.TCP)
                    .isNotEmpty().allSatisfy(c -> assertThat(c.tcpType()).contains(TcpType.ACTIVE));
            assertThat(m.candidates()).allSatisfy(c -> assertThat(c.generation()).hasValue(0));
        }
        assertThat(audio.mid()).contains("0");
        assertThat(video.mid()).contains("1");
        assertThat(offer.fingerprintsFor(audio)).isEqualTo(offer.fingerprintsFor(video));

        RtpFormat opus = audio.rtpFormat(111).orElseThrow();
        assertThat(opus.rtpMap()).contains(RtpMap.of("opus", 48000, 2));
        assertThat(opus.parameters().flatMap(p -> p.get("useinbandfec"))).contains("1");
        assertThat(opus.feedback()).contains(new RtcpFeedback("transport-cc", Optional.empty()));
        assertThat(audio.payloadTypes().getFirst()).isEqualTo(111);

        RtpFormat vp8 = video.rtpFormat(96).orElseThrow();
        assertThat(vp8.rtpMap()).contains(RtpMap.of("VP8", 90000));
        assertThat(vp8.feedback()).contains(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI, RtcpFeedback.CCM_FIR);
        assertThat(video.rtpFormat(97).orElseThrow().associatedPayloadType()).hasValue(96);
        assertThat(video.rtpFormats()).anySatisfy(f -> assertThat(f.is("VP9")).isTrue());
        assertThat(video.ssrcGroups()).singleElement().satisfies(g -> {
            assertThat(g.semantics()).isEqualTo(SsrcGroup.FID);
            assertThat(g.ssrcs()).hasSize(2);
        });
    }
}
