package dev.confab.media.transport;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.dtls.DtlsException;
import dev.confab.crypto.dtls.DtlsRole;
import dev.confab.crypto.dtls.DtlsSetup;
import dev.confab.media.ice.IceCredentials;
import dev.confab.media.sdp.Candidate;
import dev.confab.media.sdp.Group;
import dev.confab.media.sdp.IceAttributes;
import dev.confab.media.sdp.MediaDescription;
import dev.confab.media.sdp.SdpNegotiationException;
import dev.confab.media.sdp.SdpNegotiationException.Reason;
import dev.confab.media.sdp.SessionDescription;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The transport parts of the peer's offer or answer, for its one BUNDLE transport: ICE credentials, the DTLS
 * fingerprint and {@code a=setup}, and the candidates written in the description. They are read from the section
 * that carries the transport: the first mid of the BUNDLE group, else the first section not rejected. Immutable.
 *
 * @param credentials     {@code a=ice-ufrag} and {@code a=ice-pwd}
 * @param fingerprint     the first {@code sha-256} fingerprint; trusted only as far as the caller verified it
 * @param setup           {@code a=setup}
 * @param candidates      the section's {@code a=candidate} lines
 * @param endOfCandidates whether the description said {@code a=end-of-candidates}
 */
public record PeerTransport(IceCredentials credentials, CertificateFingerprint fingerprint, DtlsSetup setup,
        List<Candidate> candidates, boolean endOfCandidates) {

    public PeerTransport {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(setup, "setup");
        candidates = List.copyOf(candidates);
    }

    /**
     * Reads the transport of a description.
     *
     * @throws SdpNegotiationException when no section is accepted, or the transport's section lacks ICE credentials
     *                                 (or has ones ICE does not allow), a fingerprint or {@code a=setup}
     */
    public static PeerTransport of(SessionDescription description) throws SdpNegotiationException {
        MediaDescription section = transportSection(description).orElseThrow(() -> new SdpNegotiationException(
                Reason.NO_ACCEPTABLE_MEDIA, "the description has no media section that is not rejected"));
        String mid = section.mid().orElse(section.media());
        IceAttributes ice = description.iceFor(section);
        if (ice.ufrag().isEmpty() || ice.pwd().isEmpty()) {
            throw new SdpNegotiationException(Reason.NO_ICE_CREDENTIALS, "section '" + mid
                    + "' has no ICE ufrag and password");
        }
        IceCredentials credentials;
        try {
            credentials = new IceCredentials(ice.ufrag().get(), ice.pwd().get());
        } catch (IllegalArgumentException e) {
            throw new SdpNegotiationException(Reason.NO_ICE_CREDENTIALS, "section '" + mid + "': " + e.getMessage());
        }
        List<CertificateFingerprint> fingerprints = description.fingerprintsFor(section);
        if (fingerprints.isEmpty()) {
            throw new SdpNegotiationException(Reason.NO_FINGERPRINT, "section '" + mid
                    + "' has no sha-256 fingerprint");
        }
        DtlsSetup setup = description.setupFor(section).orElseThrow(() -> new SdpNegotiationException(
                Reason.INVALID_SETUP, "section '" + mid + "' has no a=setup"));
        return new PeerTransport(credentials, fingerprints.getFirst(), setup, section.candidates(),
                description.endOfCandidatesFor(section));
    }

    /**
     * This side's DTLS role when this is the peer's offer and this side answers as {@link DtlsRole#answerTo} says
     * (which is what {@link dev.confab.media.sdp.JsepAnswers} writes).
     *
     * @throws SdpNegotiationException with {@link Reason#INVALID_SETUP} for an offer that allows no answer
     */
    public DtlsRole roleAsAnswerer() throws SdpNegotiationException {
        try {
            return DtlsRole.negotiate(setup, DtlsRole.answerTo(setup), false);
        } catch (DtlsException e) {
            throw new SdpNegotiationException(Reason.INVALID_SETUP, e.getMessage());
        }
    }

    /**
     * This side's DTLS role when this is the peer's answer to this side's {@code actpass} offer.
     *
     * @throws SdpNegotiationException with {@link Reason#INVALID_SETUP} for an answer that names no role
     */
    public DtlsRole roleAsOfferer() throws SdpNegotiationException {
        try {
            return DtlsRole.negotiate(DtlsSetup.ACTPASS, setup, true);
        } catch (DtlsException e) {
            throw new SdpNegotiationException(Reason.INVALID_SETUP, e.getMessage());
        }
    }

    /**
     * Gives the peer's credentials and the description's candidates to a transport's agent, and says
     * end-of-candidates if the description did.
     */
    public void applyTo(SecureTransport transport) {
        transport.agent().remoteCredentials(credentials);
        for (Candidate candidate : candidates) {
            transport.remoteCandidates().add(candidate, credentials.ufrag());
        }
        if (endOfCandidates) {
            transport.remoteCandidates().end();
        }
    }

    private static Optional<MediaDescription> transportSection(SessionDescription description) {
        Optional<MediaDescription> tagged = description.bundleGroup().map(Group::mids)
                .flatMap(mids -> mids.stream().findFirst()).flatMap(description::mediaWithMid)
                .filter(m -> !m.isRejected());
        return tagged.or(() -> description.media().stream().filter(m -> !m.isRejected()).findFirst());
    }
}
