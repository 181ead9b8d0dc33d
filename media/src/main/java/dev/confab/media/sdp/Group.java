package dev.confab.media.sdp;

import java.util.List;

/**
 * A session-level {@code a=group} (RFC 5888): a semantics such as {@code BUNDLE} (RFC 9143) and the mids it groups,
 * in order; the first mid is the BUNDLE tag. Immutable.
 *
 * @param semantics the semantics token, e.g. {@link #BUNDLE}
 * @param mids      the grouped media identifications (may be empty)
 */
public record Group(String semantics, List<String> mids) {
    /** The BUNDLE semantics (RFC 9143). */
    public static final String BUNDLE = "BUNDLE";

    /** Validates and copies. */
    public Group {
        Tokens.token("group semantics", semantics);
        mids = List.copyOf(mids);
        mids.forEach(mid -> Tokens.token("group mid", mid));
    }

    /** A BUNDLE group of these mids. */
    public static Group bundle(List<String> mids) {
        return new Group(BUNDLE, mids);
    }

    /** Whether this is a BUNDLE group. */
    public boolean isBundle() {
        return BUNDLE.equals(semantics);
    }

    static Group fromSdpValue(String value) {
        List<String> fields = Tokens.fields("a=group", value);
        return new Group(fields.getFirst(), fields.subList(1, fields.size()));
    }

    /** The attribute value: {@code BUNDLE 0 1}. */
    public String toSdpValue() {
        return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
    }
}
