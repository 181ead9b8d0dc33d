package dev.confab.media.sdp;

import dev.confab.media.sdp.SdpLineReader.Line;
import dev.confab.media.sdp.SdpParseException.Reason;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * An {@code a=} line split into name and value, with the checks every section applies: a value where one is needed,
 * none on a flag, no second copy of an attribute that may appear once. Not thread-safe; one per section.
 */
final class AttributeLine {
    private final Set<String> seen = new HashSet<>();
    private Line line;
    private Attribute attribute;

    /** Starts on the next line; returns its name. */
    String next(Line next) throws SdpParseException {
        line = next;
        attribute = next.as(Reason.BAD_ATTRIBUTE, () -> Attribute.fromSdpValue(next.value()));
        return attribute.name();
    }

    Line line() {
        return line;
    }

    /** The line as an unmodelled attribute. */
    Attribute unmodelled() {
        return attribute;
    }

    /** The value of an attribute that needs one. */
    String value() throws SdpParseException {
        return attribute.value().orElseThrow(() -> line.error(Reason.BAD_ATTRIBUTE,
                "a=" + attribute.name() + " needs a value"));
    }

    /** The value read by {@code parser}; its grammar errors become {@link Reason#BAD_ATTRIBUTE} for this line. */
    <T> T parsed(Function<String, T> parser) throws SdpParseException {
        String value = value();
        return line.as(Reason.BAD_ATTRIBUTE, () -> parser.apply(value));
    }

    /** {@link #parsed} for an attribute that may appear once in the section. */
    <T> T singleParsed(Function<String, T> parser) throws SdpParseException {
        once();
        return parsed(parser);
    }

    /** Checks a flag attribute: no value, at most once. */
    void flag() throws SdpParseException {
        once();
        if (attribute.value().isPresent()) {
            throw line.error(Reason.BAD_ATTRIBUTE, "a=" + attribute.name() + " takes no value");
        }
    }

    /** Fails if this attribute name appeared before in the section. */
    void once() throws SdpParseException {
        onceAs(attribute.name());
    }

    /** Fails if {@code key} was claimed before in the section (for per-payload-type attributes). */
    void onceAs(String key) throws SdpParseException {
        if (!seen.add(key)) {
            throw line.error(Reason.DUPLICATE_ATTRIBUTE, "a=" + attribute.name() + " appears twice");
        }
    }
}
