package dev.confab.media.sdp;

/**
 * A line Confab keeps without modelling it ({@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code b=}, {@code k=},
 * {@code r=}, {@code z=}, further {@code t=} and a session {@code c=}), written back as it came. Immutable.
 *
 * @param type  the type letter
 * @param value everything after {@code =}
 */
public record SdpLine(char type, String value) {

    /** Validates the letter and that the value holds no line break. */
    public SdpLine {
        if (type < 'a' || type > 'z') {
            throw new IllegalArgumentException("an SDP line type is a lower-case letter");
        }
        Tokens.text("line value", value);
    }

    /** {@code <type>=<value>}. */
    public String toSdp() {
        return type + "=" + value;
    }
}
