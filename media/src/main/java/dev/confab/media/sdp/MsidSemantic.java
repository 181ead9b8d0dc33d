package dev.confab.media.sdp;

import java.util.List;

/**
 * The session-level {@code a=msid-semantic} of the WebRTC stacks: {@code WMS} and the stream ids (or {@code *}).
 * Chromium writes a space after the colon ({@code a=msid-semantic: WMS}); that is read with or without and written
 * as Chromium does. Immutable.
 *
 * @param semantic    {@code WMS}
 * @param identifiers the stream ids, possibly none
 */
public record MsidSemantic(String semantic, List<String> identifiers) {

    /** Validates and copies. */
    public MsidSemantic {
        Tokens.token("msid-semantic", semantic);
        identifiers = List.copyOf(identifiers);
        identifiers.forEach(id -> Tokens.token("msid-semantic identifier", id));
    }

    static MsidSemantic fromSdpValue(String value) {
        List<String> fields = Tokens.fields("a=msid-semantic", value.stripLeading());
        return new MsidSemantic(fields.getFirst(), fields.subList(1, fields.size()));
    }

    /** The attribute value, with Chromium's leading space. */
    public String toSdpValue() {
        return " " + semantic + (identifiers.isEmpty() ? "" : " " + String.join(" ", identifiers));
    }
}
