package dev.confab.media.sdp;

import java.util.Optional;

/**
 * An {@code a=extmap} (RFC 8285 section 8): {@code <id>[/<direction>] <uri> [<attributes>]}, the RTP header extension
 * a local id stands for. Immutable.
 *
 * @param id         1-255 (1-14 fit one-byte headers), or 4096-4351 in an offer
 * @param direction  a direction restricting use, if given
 * @param uri        the extension's URI
 * @param attributes extension attributes, if any, as written
 */
public record Extmap(int id, Optional<Direction> direction, String uri, Optional<String> attributes) {
    /** {@code urn:ietf:params:rtp-hdrext:sdes:mid} (RFC 9143 section 15), how BUNDLE demultiplexes by mid. */
    public static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";

    /** Validates every field. */
    public Extmap {
        if (!((id >= 1 && id <= 255) || (id >= 4096 && id <= 4351))) {
            throw new IllegalArgumentException("extmap id must be 1-255 or 4096-4351, not " + id);
        }
        Tokens.word("extmap URI", uri);
        attributes.ifPresent(a -> Tokens.text("extmap attributes", a));
    }

    /** An extension with no direction and no attributes. */
    public static Extmap of(int id, String uri) {
        return new Extmap(id, Optional.empty(), uri, Optional.empty());
    }

    static Extmap fromSdpValue(String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("a=extmap needs an id and a URI");
        }
        String idPart = value.substring(0, space);
        String rest = value.substring(space + 1);
        Optional<Direction> direction = Optional.empty();
        int slash = idPart.indexOf('/');
        if (slash >= 0) {
            String name = idPart.substring(slash + 1);
            direction = Optional.of(Direction.fromAttributeName(name).orElseThrow(
                    () -> new IllegalArgumentException("extmap direction must be sendrecv, sendonly, recvonly or"
                            + " inactive")));
            idPart = idPart.substring(0, slash);
        }
        int id = Tokens.integer("extmap id", idPart, 0, 65535);
        int uriEnd = rest.indexOf(' ');
        return uriEnd < 0 ? new Extmap(id, direction, rest, Optional.empty())
                : new Extmap(id, direction, rest.substring(0, uriEnd), Optional.of(rest.substring(uriEnd + 1)));
    }

    /** The attribute value. */
    public String toSdpValue() {
        return id + direction.map(d -> "/" + d.sdpValue()).orElse("") + " " + uri + attributes.map(a -> " " + a)
                .orElse("");
    }
}
