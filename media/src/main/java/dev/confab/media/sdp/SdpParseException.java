package dev.confab.media.sdp;

import java.util.Objects;

/**
 * SDP text that Confab will not accept, with the {@link Reason} for code and a message for people that names the line
 * and what is wrong with it. Checked, because SDP arrives from the network and every caller has to decide what a
 * malformed description means for the call.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class SdpParseException extends Exception {

    /** What is wrong with the description. */
    public enum Reason {
        /** The text is longer than {@link SdpLimits#MAX_CHARS}. */
        TOO_LARGE,
        /** More lines than {@link SdpLimits#MAX_LINES}. */
        TOO_MANY_LINES,
        /** More media sections than {@link SdpLimits#MAX_MEDIA}. */
        TOO_MANY_MEDIA,
        /** A line is not {@code <letter>=<value>}, is empty, or holds a NUL or a lone carriage return. */
        MALFORMED_LINE,
        /** A line type letter SDP does not define (RFC 8866 section 5 says to reject the description). */
        UNKNOWN_LINE_TYPE,
        /** A line where SDP does not allow it (v, o, s not first; o= inside a media section; a second c=). */
        MISPLACED_LINE,
        /** A line SDP requires is absent (v=, o=, s=, t=). */
        MISSING_LINE,
        /** {@code v=} is not 0. */
        UNSUPPORTED_VERSION,
        /** The {@code o=} line does not parse. */
        BAD_ORIGIN,
        /** The {@code t=} line does not parse. */
        BAD_TIMING,
        /** A {@code c=} line does not parse. */
        BAD_CONNECTION,
        /** An {@code m=} line does not parse. */
        BAD_MEDIA_LINE,
        /** An attribute Confab models has a malformed value. */
        BAD_ATTRIBUTE,
        /** An attribute that may appear once appears twice in the same section. */
        DUPLICATE_ATTRIBUTE,
        /** An {@code a=fingerprint} with the {@code sha-256} hash function and a malformed value. */
        BAD_FINGERPRINT,
        /** An ICE candidate that does not follow the RFC 8839 grammar. */
        BAD_CANDIDATE,
        /**
         * A well-formed ICE candidate of a transport or type Confab does not use (not UDP/TCP, not host, srflx, prflx
         * or relay). Inside a description such a candidate is kept as an unknown attribute instead.
         */
        UNSUPPORTED_CANDIDATE
    }

    private static final int QUOTED_LINE_CHARS = 80;

    private final Reason reason;
    private final int lineNumber;
    private final String detail;

    /**
     * A failure tied to one line of the description.
     *
     * @param reason     what is wrong, for code
     * @param lineNumber the 1-based line, or 0 when the failure is not about one line
     * @param line       the offending line (shortened and made printable in the message), or null
     * @param detail     what is wrong, for people
     */
    public SdpParseException(Reason reason, int lineNumber, String line, String detail) {
        super(message(reason, lineNumber, line, detail));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.lineNumber = lineNumber;
        this.detail = detail;
    }

    /** A failure not tied to one line. */
    public SdpParseException(Reason reason, String detail) {
        this(reason, 0, null, detail);
    }

    /** What is wrong, for code. */
    public Reason reason() {
        return reason;
    }

    /** The 1-based number of the offending line, or 0 when the failure is not about one line. */
    public int lineNumber() {
        return lineNumber;
    }

    /** What is wrong, without the line: for re-reporting a failure at the line it came from. */
    String detail() {
        return detail;
    }

    private static String message(Reason reason, int lineNumber, String line, String detail) {
        StringBuilder message = new StringBuilder("invalid SDP");
        if (lineNumber > 0) {
            message.append(" at line ").append(lineNumber);
        }
        if (line != null) {
            message.append(" '").append(printable(line)).append('\'');
        }
        return message.append(": ").append(detail).append(" (").append(reason).append(')').toString();
    }

    private static String printable(String line) {
        String shortened = line.length() > QUOTED_LINE_CHARS ? line.substring(0, QUOTED_LINE_CHARS) + "..." : line;
        StringBuilder out = new StringBuilder(shortened.length());
        shortened.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return out.toString();
    }
}
