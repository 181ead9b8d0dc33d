package dev.confab.media.sdp;

import dev.confab.media.sdp.SdpLineReader.Line;
import dev.confab.media.sdp.SdpParseException.Reason;
import java.util.List;

/**
 * Reads the structure of a description (RFC 8866 section 5): {@code v=0}, {@code o=}, {@code s=} first, the session
 * section up to the first {@code m=} (with a {@code t=}), then the media sections. Attribute values are read by
 * {@link SessionAttributeReader} and {@link MediaSectionReader}. Stateless.
 */
final class SdpParser {
    private SdpParser() {}

    static SessionDescription parse(String text) throws SdpParseException {
        List<Line> lines = SdpLineReader.read(text);
        Line version = expect(lines, 0, 'v');
        if (!version.value().equals("0")) {
            throw version.error(Reason.UNSUPPORTED_VERSION, "only SDP version 0 exists");
        }
        Line originLine = expect(lines, 1, 'o');
        Origin origin = originLine.as(Reason.BAD_ORIGIN, () -> Origin.fromSdpValue(originLine.value()));
        Line nameLine = expect(lines, 2, 's');
        SessionDescription.Builder session = SessionDescription.builder(origin).sessionName(nameLine.value());

        SessionAttributeReader attributes = new SessionAttributeReader(session);
        boolean timed = false;
        int index = 3;
        for (; index < lines.size() && lines.get(index).type() != 'm'; index++) {
            Line line = lines.get(index);
            switch (line.type()) {
                case 'v', 'o', 's' -> throw line.error(Reason.MISPLACED_LINE, "'" + line.type()
                        + "=' appears once, at the start");
                case 't' -> {
                    if (timed) {
                        session.addLine(new SdpLine('t', line.value()));
                    } else {
                        session.timing(line.as(Reason.BAD_TIMING, () -> Timing.fromSdpValue(line.value())));
                        timed = true;
                    }
                }
                case 'a' -> attributes.read(line);
                default -> session.addLine(new SdpLine(line.type(), line.value()));
            }
        }
        if (!timed) {
            throw new SdpParseException(Reason.MISSING_LINE, "the session has no 't=' line");
        }
        attributes.finish();

        while (index < lines.size()) {
            int end = index + 1;
            while (end < lines.size() && lines.get(end).type() != 'm') {
                end++;
            }
            if (session.mediaCount() >= SdpLimits.MAX_MEDIA) {
                throw lines.get(index).error(Reason.TOO_MANY_MEDIA, "more than " + SdpLimits.MAX_MEDIA
                        + " media sections");
            }
            session.addMedia(MediaSectionReader.read(lines.subList(index, end)));
            index = end;
        }
        return session.build();
    }

    private static Line expect(List<Line> lines, int index, char type) throws SdpParseException {
        if (index >= lines.size()) {
            throw new SdpParseException(Reason.MISSING_LINE, "the description ends before its '" + type + "=' line");
        }
        Line line = lines.get(index);
        if (line.type() != type) {
            throw line.error(Reason.MISSING_LINE, "line " + (index + 1) + " must be the '" + type + "=' line");
        }
        return line;
    }
}
