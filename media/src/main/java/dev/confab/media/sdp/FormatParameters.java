package dev.confab.media.sdp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The value of an {@code a=fmtp} after the payload type, kept as written (order and spelling matter to peers), with
 * lookups for the usual {@code key=value;key=value} form ({@code minptime=10;useinbandfec=1}, {@code apt=96}).
 * Values of other forms (RED's {@code 111/111}) are kept too. Immutable.
 *
 * @param text the parameters as written; not empty
 */
public record FormatParameters(String text) {

    /** Validates that the text is one non-empty line. */
    public FormatParameters {
        Tokens.text("fmtp parameters", text);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("fmtp parameters are missing");
        }
    }

    /** Parameters from key/value pairs in order, joined as {@code k=v;k=v}. */
    public static FormatParameters of(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        parameters.forEach((key, value) -> text.append(text.isEmpty() ? "" : ";").append(key).append('=').append(value));
        return new FormatParameters(text.toString());
    }

    /** The {@code key=value} pairs in order; keys compared as written, parts without {@code =} left out. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                map.putIfAbsent(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
            }
        }
        return map;
    }

    /** The value of one parameter, if present. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(asMap().get(key));
    }
}
