package dev.confab.media.transport;

import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.sdp.AnswerOptions;
import dev.confab.media.sdp.CodecChoice;
import dev.confab.media.sdp.JsepOffers;
import dev.confab.media.sdp.LocalMedia;
import dev.confab.media.sdp.LocalTransport;
import dev.confab.media.sdp.MediaDescription;
import dev.confab.media.sdp.SessionDescription;
import java.util.List;

/**
 * The transport parts of this side's offer or answer, taken from a {@link SecureTransport}: its agent's current ICE
 * credentials and its certificate's fingerprint, with {@code a=setup} as {@link JsepOffers} and
 * {@link dev.confab.media.sdp.JsepAnswers} write it (the offer {@code actpass}, the answer as
 * {@link dev.confab.crypto.dtls.DtlsRole#answerTo} says, which {@link PeerTransport#roleAsAnswerer} agrees with), and
 * the candidates gathered so far for peers that do not trickle. Stateless.
 */
public final class LocalDescriptions {

    private LocalDescriptions() {
    }

    /** The ICE credentials and fingerprint every section of this side's descriptions carries. */
    public static LocalTransport transportOf(SecureTransport transport) {
        IceCredentials credentials = transport.agent().localCredentials();
        return new LocalTransport(credentials.ufrag(), credentials.pwd(), transport.localFingerprint());
    }

    /** An offer of these media sections on this transport, without candidates (they trickle, or see below). */
    public static SessionDescription offer(SecureTransport transport, long sessionId, List<LocalMedia> media) {
        return JsepOffers.create(sessionId, transportOf(transport), media);
    }

    /**
     * Options for {@link dev.confab.media.sdp.JsepAnswers#create} on this transport; narrow them further with their
     * {@code with...} methods.
     */
    public static AnswerOptions answerOptions(SecureTransport transport, long sessionId, CodecChoice codecs) {
        return AnswerOptions.of(sessionId, transportOf(transport), codecs);
    }

    /**
     * {@code description} with these local candidates in every section that is not rejected (they share the BUNDLE
     * transport), and {@code a=end-of-candidates} if gathering is complete: for a peer that does not trickle, or to
     * save the trickle messages once gathering is over.
     *
     * @param credentials the generation the candidates belong to
     */
    public static SessionDescription withCandidates(SessionDescription description, List<LocalCandidate> candidates,
            IceCredentials credentials, boolean complete) {
        List<MediaDescription> sections = description.media().stream().map(section -> {
            if (section.isRejected()) {
                return section;
            }
            MediaDescription.Builder builder = section.toBuilder();
            candidates.forEach(c -> builder.addCandidate(SdpCandidates.toSdp(c, credentials)));
            return builder.endOfCandidates(complete || section.endOfCandidates()).build();
        }).toList();
        return description.toBuilder().media(sections).build();
    }
}
