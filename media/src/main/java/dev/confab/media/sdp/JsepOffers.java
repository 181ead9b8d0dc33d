package dev.confab.media.sdp;

import dev.confab.crypto.dtls.DtlsSetup;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes Confab's offers in the JSEP shape (RFC 9429 section 5.2.1): every media section BUNDLEd on one transport,
 * {@code a=rtcp-mux} and {@code a=rtcp-rsize}, the caller's fresh ICE credentials with {@code trickle}, the DTLS
 * fingerprint with {@code a=setup:actpass}, and no candidates (they trickle). Stateless.
 */
public final class JsepOffers {
    private JsepOffers() {}

    /**
     * An offer of these media sections, in order.
     *
     * @param sessionId the origin's session id (JSEP: random, below 2^63)
     * @throws IllegalArgumentException for no media or a mid used twice
     */
    public static SessionDescription create(long sessionId, LocalTransport transport, List<LocalMedia> media) {
        if (media.isEmpty()) {
            throw new IllegalArgumentException("an offer has at least one media section");
        }
        Set<String> mids = new HashSet<>();
        for (LocalMedia m : media) {
            if (!mids.add(m.mid())) {
                throw new IllegalArgumentException("mid '" + m.mid() + "' is used twice");
            }
        }
        SessionDescription.Builder offer = JsepSections.session(sessionId,
                media.stream().map(LocalMedia::mid).toList(),
                media.stream().flatMap(m -> m.sendStream().stream()).map(SendStream::streamId).toList());
        for (LocalMedia m : media) {
            MediaDescription.Builder section = JsepSections.section(m.kind(), m.mid(), transport, DtlsSetup.ACTPASS)
                    .direction(m.direction())
                    .rtcpRsize(true);
            m.extmaps().forEach(section::addExtmap);
            m.formats().forEach(section::addRtpFormat);
            m.sendStream().ifPresent(stream -> JsepSections.announce(section, stream));
            offer.addMedia(section.build());
        }
        return offer.build();
    }
}
