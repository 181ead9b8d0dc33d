package dev.confab.media.sdp;

import java.util.List;

/**
 * The first {@code t=} line (RFC 8866 section 5.9): start and stop as NTP seconds; {@code t=0 0} (unbounded) in JSEP.
 * Immutable.
 *
 * @param start NTP start time, or 0
 * @param stop  NTP stop time, or 0
 */
public record Timing(long start, long stop) {
    /** {@code t=0 0}. */
    public static final Timing UNBOUNDED = new Timing(0, 0);

    /** Validates both times. */
    public Timing {
        Tokens.inRange("t= start", start, 0, Long.MAX_VALUE);
        Tokens.inRange("t= stop", stop, 0, Long.MAX_VALUE);
    }

    static Timing fromSdpValue(String value) {
        List<String> fields = Tokens.fields("t=", value);
        if (fields.size() != 2) {
            throw new IllegalArgumentException("t= needs a start and a stop time");
        }
        return new Timing(Tokens.number("t= start", fields.get(0), 0, Long.MAX_VALUE),
                Tokens.number("t= stop", fields.get(1), 0, Long.MAX_VALUE));
    }

    /** The line's value. */
    public String toSdpValue() {
        return start + " " + stop;
    }
}
