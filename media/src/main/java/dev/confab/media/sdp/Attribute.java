package dev.confab.media.sdp;

import java.util.Optional;

/**
 * An {@code a=} line Confab does not model, kept in order and written back as it came: {@code a=<name>} or
 * {@code a=<name>:<value>}. Immutable.
 *
 * @param name  the attribute name, a token
 * @param value the value after the first colon, if there is one (it may be empty)
 */
public record Attribute(String name, Optional<String> value) {

    /** Validates the name and the value. */
    public Attribute {
        Tokens.token("attribute name", name);
        value.ifPresent(v -> Tokens.text("attribute value", v));
    }

    /** An attribute with a value. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, Optional.of(value));
    }

    /** A flag attribute. */
    public static Attribute flag(String name) {
        return new Attribute(name, Optional.empty());
    }

    /** Splits what follows {@code a=} at its first colon. */
    static Attribute fromSdpValue(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? new Attribute(line, Optional.empty())
                : new Attribute(line.substring(0, colon), Optional.of(line.substring(colon + 1)));
    }

    /** What follows {@code a=}. */
    public String toSdpValue() {
        return value.map(v -> name + ":" + v).orElse(name);
    }
}
