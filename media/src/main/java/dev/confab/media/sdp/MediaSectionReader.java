package dev.confab.media.sdp;

import dev.confab.media.sdp.SdpLineReader.Line;
import dev.confab.media.sdp.SdpParseException.Reason;
import java.util.List;
import java.util.Optional;

/**
 * Reads one media section, its {@code m=} line first: {@code i=}, {@code c=}, {@code b=}, {@code k=} and the media
 * attributes. Attributes for payload types go to {@link RtpFormatCollector}; unmodelled ones are kept in order. Not
 * thread-safe; one per section.
 */
final class MediaSectionReader {
    private final MediaDescription.Builder media;
    private final boolean rtp;
    private final AttributeLine attribute = new AttributeLine();
    private final TransportAttributeReader transport = new TransportAttributeReader();
    private final RtpFormatCollector rtpFormats;

    private MediaSectionReader(MediaDescription.Builder media, boolean rtp, List<String> formats) {
        this.media = media;
        this.rtp = rtp;
        this.rtpFormats = new RtpFormatCollector(rtp ? formats : List.of());
    }

    static MediaDescription read(List<Line> section) throws SdpParseException {
        Line mLine = section.getFirst();
        MediaLine parsed = mLine.as(Reason.BAD_MEDIA_LINE, () -> MediaLine.fromSdpValue(mLine.value()));
        MediaDescription.Builder media = MediaDescription.builder(parsed.media(), parsed.proto()).port(parsed.port())
                .portCount(parsed.portCount()).formats(parsed.formats());
        MediaSectionReader reader = new MediaSectionReader(media, parsed.isRtp(), parsed.formats());
        boolean connected = false;
        for (Line line : section.subList(1, section.size())) {
            switch (line.type()) {
                case 'a' -> reader.attribute(line);
                case 'c' -> {
                    if (connected) {
                        throw line.error(Reason.MISPLACED_LINE, "a media section has at most one 'c=' line");
                    }
                    media.connection(line.as(Reason.BAD_CONNECTION, () -> ConnectionData.fromSdpValue(line.value())));
                    connected = true;
                }
                case 'i', 'b', 'k' -> media.addLine(new SdpLine(line.type(), line.value()));
                default -> throw line.error(Reason.MISPLACED_LINE, "'" + line.type()
                        + "=' does not belong in a media section");
            }
        }
        return reader.finish(mLine);
    }

    private void attribute(Line line) throws SdpParseException {
        String name = attribute.next(line);
        if (transport.read(attribute, name)) {
            return;
        }
        Optional<Direction> direction = Direction.fromAttributeName(name);
        if (direction.isPresent()) {
            attribute.onceAs("direction");
            attribute.flag();
            media.direction(direction.get());
            return;
        }
        switch (name) {
            case "rtcp" -> media.rtcp(attribute.singleParsed(RtcpAddress::fromSdpValue));
            case "candidate" -> candidate(line);
            case "end-of-candidates" -> flag(() -> media.endOfCandidates(true));
            case "bundle-only" -> flag(() -> media.bundleOnly(true));
            case "rtcp-mux" -> flag(() -> media.rtcpMux(true));
            case "rtcp-rsize" -> flag(() -> media.rtcpRsize(true));
            case "mid" -> media.mid(attribute.singleParsed(value -> Tokens.token("mid", value)));
            case "extmap" -> media.addExtmap(attribute.parsed(Extmap::fromSdpValue));
            case "msid" -> media.addMsid(attribute.parsed(Msid::fromSdpValue));
            case "ssrc-group" -> media.addSsrcGroup(attribute.parsed(SsrcGroup::fromSdpValue));
            case "ssrc" -> media.addSsrc(attribute.parsed(SsrcAttribute::fromSdpValue));
            case "rtpmap", "rtcp-fb", "fmtp" -> {
                if (!rtp || !rtpFormats.read(attribute, name)) {
                    media.addAttribute(attribute.unmodelled());
                }
            }
            default -> media.addAttribute(attribute.unmodelled());
        }
    }

    private void candidate(Line line) throws SdpParseException {
        String value = attribute.value();
        try {
            media.addCandidate(Candidate.parse(value));
        } catch (SdpParseException e) {
            if (e.reason() != Reason.UNSUPPORTED_CANDIDATE) {
                throw line.error(e.reason(), e.detail());
            }
            media.addAttribute(attribute.unmodelled());
        }
    }

    private void flag(Runnable set) throws SdpParseException {
        attribute.flag();
        set.run();
    }

    private MediaDescription finish(Line mLine) throws SdpParseException {
        media.ice(transport.ice());
        transport.fingerprints().forEach(media::addFingerprint);
        transport.setup().ifPresent(media::setup);
        rtpFormats.formats().forEach(media::addRtpFormat);
        return mLine.as(Reason.BAD_MEDIA_LINE, media::build);
    }

    /** The fields of an {@code m=} line. */
    private record MediaLine(String media, int port, int portCount, String proto, List<String> formats) {
        static MediaLine fromSdpValue(String value) {
            List<String> fields = Tokens.fields("m=", value);
            if (fields.size() < 4) {
                throw new IllegalArgumentException("m= needs <media> <port> <proto> and at least one format");
            }
            String portField = fields.get(1);
            int slash = portField.indexOf('/');
            int port = Tokens.integer("port", slash < 0 ? portField : portField.substring(0, slash), 0, 65535);
            int portCount = slash < 0 ? 1 : Tokens.integer("port count", portField.substring(slash + 1), 1, 65535);
            MediaLine line = new MediaLine(fields.get(0), port, portCount, fields.get(2),
                    fields.subList(3, fields.size()));
            if (line.isRtp()) {
                for (String format : line.formats) {
                    int payloadType = Tokens.integer("payload type", format, 0, 127);
                    if (!Integer.toString(payloadType).equals(format)) {
                        throw new IllegalArgumentException("payload type '" + format + "' has leading zeros");
                    }
                }
            }
            return line;
        }

        boolean isRtp() {
            return proto.contains("RTP/");
        }
    }
}
