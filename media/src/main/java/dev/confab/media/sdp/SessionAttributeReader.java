package dev.confab.media.sdp;

import dev.confab.media.sdp.SdpLineReader.Line;

/**
 * Reads the session-level attributes into a {@link SessionDescription.Builder}: the transport ones, {@code ice-lite},
 * {@code end-of-candidates}, {@code group}, {@code extmap-allow-mixed} and {@code msid-semantic}; every other one is
 * kept as it came. Not
 * thread-safe; one per description.
 */
final class SessionAttributeReader {
    private final SessionDescription.Builder session;
    private final AttributeLine attribute = new AttributeLine();
    private final TransportAttributeReader transport = new TransportAttributeReader();

    SessionAttributeReader(SessionDescription.Builder session) {
        this.session = session;
    }

    void read(Line line) throws SdpParseException {
        String name = attribute.next(line);
        if (transport.read(attribute, name)) {
            return;
        }
        switch (name) {
            case "ice-lite" -> {
                attribute.flag();
                session.iceLite(true);
            }
            case "end-of-candidates" -> {
                attribute.flag();
                session.endOfCandidates(true);
            }
            case "extmap-allow-mixed" -> {
                attribute.flag();
                session.extmapAllowMixed(true);
            }
            case "group" -> session.addGroup(attribute.parsed(Group::fromSdpValue));
            case "msid-semantic" -> session.msidSemantic(attribute.singleParsed(MsidSemantic::fromSdpValue));
            default -> session.addAttribute(attribute.unmodelled());
        }
    }

    /** Hands over the transport attributes, once every line is read. */
    void finish() {
        session.ice(transport.ice());
        transport.fingerprints().forEach(session::addFingerprint);
        transport.setup().ifPresent(session::setup);
    }
}
