package dev.confab.media.sdp;

import java.util.Optional;

/**
 * An {@code a=ssrc} (RFC 5576 section 4.1): a source and one of its attributes, such as {@code cname:...} or
 * {@code msid:<stream> <track>}. Immutable.
 *
 * @param ssrc      the synchronization source (0 to 2^32-1)
 * @param attribute the source attribute's name, a token
 * @param value     its value after the colon, if any
 */
public record SsrcAttribute(long ssrc, String attribute, Optional<String> value) {
    /** The canonical-name source attribute. */
    public static final String CNAME = "cname";
    /** The media-stream source attribute (Chromium writes it beside {@code a=msid}). */
    public static final String MSID = "msid";

    /** Validates every field. */
    public SsrcAttribute {
        checkSsrc(ssrc);
        Tokens.token("ssrc attribute", attribute);
        value.ifPresent(v -> Tokens.text("ssrc attribute value", v));
    }

    /** {@code a=ssrc:<ssrc> <attribute>:<value>}. */
    public static SsrcAttribute of(long ssrc, String attribute, String value) {
        return new SsrcAttribute(ssrc, attribute, Optional.of(value));
    }

    static SsrcAttribute fromSdpValue(String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("a=ssrc needs an SSRC and an attribute");
        }
        Attribute attribute = Attribute.fromSdpValue(value.substring(space + 1));
        return new SsrcAttribute(parseSsrc(value.substring(0, space)), attribute.name(), attribute.value());
    }

    /** The attribute value. */
    public String toSdpValue() {
        return ssrc + " " + attribute + value.map(v -> ":" + v).orElse("");
    }

    static long parseSsrc(String digits) {
        return Tokens.number("SSRC", digits, 0, 0xFFFF_FFFFL);
    }

    static long checkSsrc(long ssrc) {
        return Tokens.inRange("SSRC", ssrc, 0, 0xFFFF_FFFFL);
    }
}
