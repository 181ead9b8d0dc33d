package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.confab.crypto.dtls.DtlsSetup;
import dev.confab.media.sdp.SdpNegotiationException.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Answers to the recorded Chromium offer and to variations of it that Confab must reject in part or in whole. */
class JsepAnswersTest {
    private static final LocalTransport TRANSPORT = TestTransports.transport(1);
    private static final AnswerOptions OPTIONS = AnswerOptions.of(99, TRANSPORT, TestTransports.OPUS_VP8);

    @Test
    void answersChromiumsOfferInTheJsepShape() throws Exception {
        SessionDescription offer = Fixtures.parsed(Fixtures.CHROMIUM_OFFER);

        SessionDescription answer = JsepAnswers.create(offer, OPTIONS);

        assertThat(answer.origin()).isEqualTo(Origin.jsep(99, 1));
        assertThat(answer.bundleGroup()).contains(Group.bundle(List.of("0", "1")));
        assertThat(answer.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1");
        assertThat(answer.mediaWithMid("1")).contains(answer.media().get(1));
        assertThat(answer.mediaWithMid("2")).isEmpty();
        for (MediaDescription m : answer.media()) {
            assertThat(m.port()).isEqualTo(MediaDescription.DISCARD_PORT);
            assertThat(m.setup()).contains(DtlsSetup.ACTIVE);
            assertThat(m.fingerprints()).containsExactly(TRANSPORT.fingerprint());
            assertThat(m.ice()).isEqualTo(IceAttributes.of(TRANSPORT.iceUfrag(), TRANSPORT.icePwd(),
                    List.of(IceAttributes.TRICKLE)));
            assertThat(m.rtcpMux()).isTrue();
            assertThat(m.rtcpRsize()).isTrue();
            assertThat(m.candidates()).isEmpty();
            assertThat(m.extmaps()).containsExactly(Extmap.of(4, Extmap.MID_URI));
            assertThat(m.effectiveDirection()).isEqualTo(Direction.SENDRECV);
        }
        MediaDescription audio = answer.media().get(0);
        MediaDescription video = answer.media().get(1);
        assertThat(audio.payloadTypes()).containsExactly(111);
        assertThat(audio.rtpFormat(111).orElseThrow().parameters())
                .isEqualTo(offer.media().get(0).rtpFormat(111).orElseThrow().parameters());
        assertThat(audio.rtpFormat(111).orElseThrow().feedback()).as("transport-cc is not implemented").isEmpty();
        assertThat(video.payloadTypes()).containsExactly(96, 97);
        assertThat(video.rtpFormat(96).orElseThrow().feedback())
                .containsExactly(RtcpFeedback.CCM_FIR, RtcpFeedback.NACK, RtcpFeedback.NACK_PLI);
        assertThat(video.rtpFormat(97).orElseThrow().associatedPayloadType()).hasValue(96);
        assertThat(SessionDescription.parse(answer.toSdp())).isEqualTo(answer);
    }

    @Test
    void narrowsDirectionsAndAnnouncesOnlyTracksItSends() throws Exception {
        SessionDescription offer = replaceMedia(Fixtures.parsed(Fixtures.CHROMIUM_OFFER), 0,
                m -> m.toBuilder().direction(Direction.SENDONLY).build());
        SendStream mic = new SendStream("s", "mic", "c", 1, OptionalLong.empty());
        SendStream cam = new SendStream("s", "cam", "c", 2, OptionalLong.of(3));

        SessionDescription answer = JsepAnswers.create(offer, OPTIONS
                .withDirections(Map.of(MediaDescription.VIDEO, Direction.RECVONLY))
                .withSendStreams(Map.of(MediaDescription.AUDIO, mic, MediaDescription.VIDEO, cam)));

        assertThat(answer.media().get(0).direction()).as("offered sendonly").contains(Direction.RECVONLY);
        assertThat(answer.media().get(1).direction()).as("Confab wants recvonly").contains(Direction.RECVONLY);
        assertThat(answer.media()).allSatisfy(m -> assertThat(m.msids()).isEmpty());
        assertThat(answer.msidSemantic()).contains(new MsidSemantic("WMS", List.of()));
    }

    @Test
    void announcesTheTracksItSends() throws Exception {
        SendStream cam = new SendStream("s", "cam", "c", 2, OptionalLong.of(3));

        MediaDescription video = JsepAnswers.create(Fixtures.parsed(Fixtures.CHROMIUM_OFFER),
                OPTIONS.withSendStreams(Map.of(MediaDescription.VIDEO, cam))).media().get(1);

        assertThat(video.msids()).containsExactly(Msid.of("s", "cam"));
        assertThat(video.ssrcGroups()).containsExactly(new SsrcGroup(SsrcGroup.FID, List.of(2L, 3L)));
        assertThat(video.ssrcs()).containsExactly(SsrcAttribute.of(2, "cname", "c"), SsrcAttribute.of(2, "msid", "s cam"),
                SsrcAttribute.of(3, "cname", "c"), SsrcAttribute.of(3, "msid", "s cam"));
    }

    @Test
    void rejectsSectionsItCannotCarryAndLeavesThemOutOfTheBundle() throws Exception {
        SessionDescription chromium = Fixtures.parsed(Fixtures.CHROMIUM_OFFER);
        MediaDescription data = MediaDescription.builder("application", "UDP/DTLS/SCTP").formats(List.of(
                "webrtc-datachannel")).mid("2").build();
        SessionDescription offer = chromium.toBuilder()
                .media(List.of(chromium.media().get(0).toBuilder().rtcpMux(false).build(), chromium.media().get(1),
                        data))
                .build();

        SessionDescription answer = JsepAnswers.create(offer, OPTIONS);

        assertThat(answer.media()).extracting(MediaDescription::port).containsExactly(0, 9, 0);
        assertThat(answer.media().get(0).formats()).isEqualTo(offer.media().get(0).formats());
        assertThat(answer.media().get(2).formats()).containsExactly("webrtc-datachannel");
        assertThat(answer.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1", "2");
        assertThat(answer.bundleGroup()).contains(Group.bundle(List.of("1")));
    }

    @Test
    void keepsOnlyImplementedHeaderExtensionsWithTheirIdsAndDirectionsReversed() throws Exception {
        SessionDescription offer = replaceMedia(Fixtures.parsed(Fixtures.CHROMIUM_OFFER), 1, m -> m.toBuilder()
                .addExtmap(new Extmap(20, Optional.of(Direction.SENDONLY), "urn:x:only-sent", Optional.of("a b")))
                .build());

        MediaDescription video = JsepAnswers.create(offer, OPTIONS.withHeaderExtensions(
                Set.of(Extmap.MID_URI, "urn:x:only-sent"))).media().get(1);

        assertThat(video.extmaps()).containsExactly(Extmap.of(4, Extmap.MID_URI),
                new Extmap(20, Optional.of(Direction.RECVONLY), "urn:x:only-sent", Optional.of("a b")));
    }

    @Test
    void rejectsAKindWithNoChosenCodec() throws Exception {
        SessionDescription answer = JsepAnswers.create(Fixtures.parsed(Fixtures.CHROMIUM_OFFER),
                AnswerOptions.of(1, TRANSPORT, CodecChoice.byName("opus")));

        assertThat(answer.media().get(1).isRejected()).isTrue();
        assertThat(answer.bundleGroup()).contains(Group.bundle(List.of("0")));
    }

    @Test
    void answersWithItsOwnFormatParametersWhereTheChoiceSetsThem() throws Exception {
        FormatParameters own = new FormatParameters("minptime=10;useinbandfec=1;usedtx=1");
        SessionDescription answer = JsepAnswers.create(Fixtures.parsed(Fixtures.CHROMIUM_OFFER), AnswerOptions.of(1,
                TRANSPORT, CodecChoice.byName("opus", "VP8").withParameters("opus", own)));

        assertThat(answer.media().get(0).rtpFormat(111).orElseThrow().parameters()).contains(own);
        assertThat(answer.media().get(1).rtpFormats()).allSatisfy(f -> assertThat(f.is("VP8")).isTrue());
    }

    @Test
    void acceptsABundleOnlySectionOnPortZero() throws Exception {
        SessionDescription offer = replaceMedia(Fixtures.parsed(Fixtures.CHROMIUM_OFFER), 1,
                m -> m.toBuilder().port(0).bundleOnly(true).build());

        SessionDescription answer = JsepAnswers.create(offer, OPTIONS);

        assertThat(answer.media().get(1).port()).isEqualTo(MediaDescription.DISCARD_PORT);
        assertThat(answer.media().get(1).bundleOnly()).isFalse();
    }

    @Test
    void takesTransportAttributesFromTheSessionLevel() throws Exception {
        SessionDescription chromium = Fixtures.parsed(Fixtures.CHROMIUM_OFFER);
        MediaDescription first = chromium.media().getFirst();
        SessionDescription offer = chromium.toBuilder()
                .ice(first.ice()).addFingerprint(first.fingerprints().getFirst()).setup(DtlsSetup.ACTIVE)
                .media(chromium.media().stream().map(JsepAnswersTest::withoutTransport).toList())
                .build();

        SessionDescription answer = JsepAnswers.create(offer, OPTIONS);

        assertThat(answer.media()).allSatisfy(m -> assertThat(m.setup()).contains(DtlsSetup.PASSIVE));
    }

    @Test
    void refusesOffersItCannotAnswer() {
        SessionDescription chromium = Fixtures.parsed(Fixtures.CHROMIUM_OFFER);

        assertRefused(chromium.toBuilder().media(List.of()).build(), OPTIONS, Reason.NO_MEDIA);
        assertRefused(replaceMedia(chromium, 1, m -> rebuildWithout(m, "mid")), OPTIONS, Reason.NO_MID);
        assertRefused(replaceMedia(chromium, 1, m -> m.toBuilder().mid("0").build()), OPTIONS, Reason.DUPLICATE_MID);
        assertRefused(replaceMedia(chromium, 0, JsepAnswersTest::withoutTransport), OPTIONS,
                Reason.NO_ICE_CREDENTIALS);
        assertRefused(replaceMedia(chromium, 0, m -> rebuildWithout(m, "fingerprint")), OPTIONS,
                Reason.NO_FINGERPRINT);
        assertRefused(replaceMedia(chromium, 0, m -> rebuildWithout(m, "setup")), OPTIONS, Reason.INVALID_SETUP);
        assertRefused(replaceMedia(chromium, 0, m -> m.toBuilder().setup(DtlsSetup.HOLDCONN).build()), OPTIONS,
                Reason.INVALID_SETUP);
        assertRefused(chromium, AnswerOptions.of(1, TRANSPORT, CodecChoice.byName("G729")),
                Reason.NO_ACCEPTABLE_MEDIA);
    }

    private static void assertRefused(SessionDescription offer, AnswerOptions options, Reason reason) {
        SdpNegotiationException e = catchThrowableOfType(SdpNegotiationException.class,
                () -> JsepAnswers.create(offer, options));
        assertThat(e).as(reason.name()).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    }

    private static SessionDescription replaceMedia(SessionDescription d, int index,
            java.util.function.UnaryOperator<MediaDescription> change) {
        List<MediaDescription> media = new java.util.ArrayList<>(d.media());
        media.set(index, change.apply(media.get(index)));
        return d.toBuilder().media(media).build();
    }

    private static MediaDescription withoutTransport(MediaDescription m) {
        return rebuildWithout(rebuildWithout(m.toBuilder().ice(IceAttributes.NONE).build(), "fingerprint"), "setup");
    }

    /** The section written without its {@code a=<name>} lines and read back. */
    private static MediaDescription rebuildWithout(MediaDescription m, String name) {
        String sdp = SessionDescription.builder(Origin.jsep(1, 1)).addMedia(m).build().toSdp();
        String kept = String.join("\r\n", sdp.lines().filter(l -> !l.startsWith("a=" + name + ":")).toList());
        try {
            return SessionDescription.parse(kept).media().getFirst();
        } catch (SdpParseException e) {
            throw new AssertionError(e);
        }
    }
}
