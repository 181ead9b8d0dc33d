package dev.confab.media.sdp;

import dev.confab.crypto.dtls.DtlsException;
import dev.confab.crypto.dtls.DtlsRole;
import dev.confab.crypto.dtls.DtlsSetup;
import dev.confab.media.sdp.SdpNegotiationException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers an offer in the JSEP shape (RFC 9429 section 5.3.1, RFC 3264 section 6): mirrors every mid in order,
 * accepts the BUNDLE group for the sections it accepts, answers {@code a=setup} as {@link DtlsRole#answerTo} says,
 * keeps the codecs the {@link CodecChoice} picks (same payload type numbers) and the header extensions Confab
 * implements (same ids, directions reversed), and rejects with port 0 every section that is not RTP over DTLS-SRTP with rtcp-mux or has no chosen
 * codec. Stateless.
 */
public final class JsepAnswers {
    private JsepAnswers() {}

    /**
     * The answer to {@code offer}.
     *
     * @throws SdpNegotiationException when the offer lacks mids or repeats one, or an accepted section lacks ICE
     *                                 credentials, a SHA-256 fingerprint or a usable {@code a=setup}, or nothing can
     *                                 be accepted
     */
    public static SessionDescription create(SessionDescription offer, AnswerOptions options)
            throws SdpNegotiationException {
        if (offer.media().isEmpty()) {
            throw new SdpNegotiationException(Reason.NO_MEDIA, "the offer has no media sections");
        }
        List<MediaDescription> sections = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        List<String> streamIds = new ArrayList<>();
        for (MediaDescription offered : offer.media()) {
            String mid = offered.mid().orElseThrow(() -> new SdpNegotiationException(Reason.NO_MID,
                    "offered " + offered.media() + " section " + (sections.size() + 1) + " has no a=mid"));
            if (sections.stream().anyMatch(m -> m.mid().orElseThrow().equals(mid))) {
                throw new SdpNegotiationException(Reason.DUPLICATE_MID, "offered mid '" + mid + "' appears twice");
            }
            List<RtpFormat> codecs = acceptable(offered) ? options.codecs().choose(offered) : List.of();
            if (codecs.isEmpty()) {
                sections.add(rejected(offered, mid));
                continue;
            }
            Optional<SendStream> stream = Optional.ofNullable(options.sendStreams().get(offered.media()));
            MediaDescription section = accept(offer, offered, mid, codecs, stream, options);
            sections.add(section);
            accepted.add(mid);
            section.msids().forEach(msid -> streamIds.add(msid.streamId()));
        }
        if (accepted.isEmpty()) {
            throw new SdpNegotiationException(Reason.NO_ACCEPTABLE_MEDIA, "no offered media section is RTP over"
                    + " DTLS-SRTP with rtcp-mux and a codec Confab chose");
        }
        List<String> bundled = offer.bundleGroup().map(g -> g.mids().stream().filter(accepted::contains).toList())
                .orElse(List.of());
        return JsepSections.session(options.sessionId(), bundled, streamIds).media(sections).build();
    }

    private static boolean acceptable(MediaDescription offered) {
        return !offered.isRejected() && offered.proto().equals(MediaDescription.UDP_TLS_RTP_SAVPF) && offered.rtcpMux();
    }

    private static MediaDescription accept(SessionDescription offer, MediaDescription offered, String mid,
            List<RtpFormat> codecs, Optional<SendStream> stream, AnswerOptions options) throws SdpNegotiationException {
        IceAttributes ice = offer.iceFor(offered);
        if (ice.ufrag().isEmpty() || ice.pwd().isEmpty()) {
            throw new SdpNegotiationException(Reason.NO_ICE_CREDENTIALS, "offered section '" + mid
                    + "' has no ICE ufrag and password");
        }
        if (offer.fingerprintsFor(offered).isEmpty()) {
            throw new SdpNegotiationException(Reason.NO_FINGERPRINT, "offered section '" + mid
                    + "' has no sha-256 fingerprint");
        }
        DtlsSetup offeredSetup = offer.setupFor(offered).orElseThrow(() -> new SdpNegotiationException(
                Reason.INVALID_SETUP, "offered section '" + mid + "' has no a=setup"));
        DtlsSetup setup;
        try {
            setup = DtlsRole.answerTo(offeredSetup);
        } catch (DtlsException e) {
            throw new SdpNegotiationException(Reason.INVALID_SETUP, "offered section '" + mid + "': "
                    + e.getMessage());
        }
        Direction wanted = options.directions().getOrDefault(offered.media(), Direction.SENDRECV);
        Direction direction = offered.effectiveDirection().reversed().and(wanted);
        MediaDescription.Builder section = JsepSections.section(offered.media(), mid, options.transport(), setup)
                .direction(direction)
                .rtcpRsize(offered.rtcpRsize());
        offered.extmaps().stream().filter(e -> options.headerExtensions().contains(e.uri()))
                .map(e -> new Extmap(e.id(), e.direction().map(Direction::reversed), e.uri(), e.attributes()))
                .forEach(section::addExtmap);
        codecs.forEach(section::addRtpFormat);
        if (direction.sends()) {
            stream.ifPresent(s -> JsepSections.announce(section, s));
        }
        return section.build();
    }

    private static MediaDescription rejected(MediaDescription offered, String mid) {
        return MediaDescription.builder(offered.media(), offered.proto()).port(0).formats(offered.formats())
                .connection(ConnectionData.UNSPECIFIED_IP4).mid(mid).build();
    }
}
