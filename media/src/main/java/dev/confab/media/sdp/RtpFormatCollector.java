package dev.confab.media.sdp;

import dev.confab.media.sdp.SdpParseException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers {@code a=rtpmap}, {@code a=rtcp-fb} and {@code a=fmtp} of an RTP section per payload type of its
 * {@code m=} line. A line for a payload type not on the {@code m=} line, or for {@code *}, is left to the caller to
 * keep unmodelled. Not thread-safe; one per section.
 */
final class RtpFormatCollector {
    private final Map<Integer, RtpFormat> formats = new LinkedHashMap<>();

    /** A collector for the payload types of an RTP {@code m=} line (decimal, checked by the caller). */
    RtpFormatCollector(List<String> mLineFormats) {
        for (String format : mLineFormats) {
            int payloadType = Integer.parseInt(format);
            formats.putIfAbsent(payloadType, new RtpFormat(payloadType, Optional.empty(), List.of(), Optional.empty()));
        }
    }

    /** Reads the line if it is for a payload type of the section; false if the caller should keep it as it is. */
    boolean read(AttributeLine a, String name) throws SdpParseException {
        String value = a.value();
        int space = value.indexOf(' ');
        String typeField = space < 0 ? value : value.substring(0, space);
        if (typeField.equals("*")) {
            return false;
        }
        int payloadType = a.line().as(Reason.BAD_ATTRIBUTE, () -> Tokens.integer("payload type", typeField, 0, 127));
        RtpFormat format = formats.get(payloadType);
        if (format == null || !typeField.equals(Integer.toString(payloadType))) {
            return false;
        }
        if (space < 0) {
            throw a.line().error(Reason.BAD_ATTRIBUTE, "a=" + name + " needs a value after the payload type");
        }
        String rest = value.substring(space + 1);
        RtpFormat updated = switch (name) {
            case "rtpmap" -> {
                a.onceAs("rtpmap " + payloadType);
                RtpMap map = a.line().as(Reason.BAD_ATTRIBUTE, () -> RtpMap.fromSdpValue(rest));
                yield new RtpFormat(payloadType, Optional.of(map), format.feedback(), format.parameters());
            }
            case "fmtp" -> {
                a.onceAs("fmtp " + payloadType);
                yield a.line().as(Reason.BAD_ATTRIBUTE, () -> format.withParameters(new FormatParameters(rest)));
            }
            default -> a.line().as(Reason.BAD_ATTRIBUTE, () -> format.plusFeedback(RtcpFeedback.fromSdpValue(rest)));
        };
        formats.put(payloadType, updated);
        return true;
    }

    /** The described payload types in {@code m=} line order. */
    List<RtpFormat> formats() {
        return new ArrayList<>(formats.values());
    }
}
