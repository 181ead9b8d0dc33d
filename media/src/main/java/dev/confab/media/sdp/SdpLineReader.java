package dev.confab.media.sdp;

import dev.confab.crypto.CryptoException;
import dev.confab.media.sdp.SdpParseException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Splits SDP text into numbered {@code <type>=<value>} lines within {@link SdpLimits}, before anything is parsed.
 * Accepts CRLF or LF line ends and a missing final line end. Stateless.
 */
final class SdpLineReader {
    private static final String TYPES = "vosiuepcbtrzkam";

    /** One line: its 1-based number, its type letter and everything after {@code =}. */
    record Line(int number, char type, String value) {
        /** The whole line, for error messages. */
        String text() {
            return type + "=" + value;
        }

        SdpParseException error(Reason reason, String detail) {
            return new SdpParseException(reason, number, text(), detail);
        }

        /**
         * What {@code reading} makes of this line; a grammar check that fails in it (an
         * {@link IllegalArgumentException} from a record, a fingerprint or setup error from crypto) becomes an
         * {@link SdpParseException} for this line with {@code reason}.
         */
        <T> T as(Reason reason, Supplier<T> reading) throws SdpParseException {
            try {
                return reading.get();
            } catch (IllegalArgumentException | CryptoException e) {
                throw error(reason, e.getMessage());
            }
        }
    }

    private SdpLineReader() {}

    static List<Line> read(String text) throws SdpParseException {
        if (text == null || text.isEmpty()) {
            throw new SdpParseException(Reason.MISSING_LINE, "the description is empty");
        }
        if (text.length() > SdpLimits.MAX_CHARS) {
            throw new SdpParseException(Reason.TOO_LARGE, "the description has " + text.length()
                    + " characters; at most " + SdpLimits.MAX_CHARS + " are accepted");
        }
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int number = lines.size() + 1;
            if (number > SdpLimits.MAX_LINES) {
                throw new SdpParseException(Reason.TOO_MANY_LINES, "more than " + SdpLimits.MAX_LINES + " lines");
            }
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(line(number, text.substring(start, contentEnd)));
            start = newline < 0 ? text.length() : newline + 1;
        }
        return lines;
    }

    private static Line line(int number, String line) throws SdpParseException {
        if (line.isEmpty()) {
            throw new SdpParseException(Reason.MALFORMED_LINE, number, line, "empty line");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == 0) {
                throw new SdpParseException(Reason.MALFORMED_LINE, number, line,
                        c == 0 ? "NUL character" : "carriage return inside the line");
            }
        }
        if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
            throw new SdpParseException(Reason.MALFORMED_LINE, number, line,
                    "a line is <lower-case letter>=<value>, with no space around '='");
        }
        if (TYPES.indexOf(line.charAt(0)) < 0) {
            throw new SdpParseException(Reason.UNKNOWN_LINE_TYPE, number, line,
                    "SDP has no '" + line.charAt(0) + "=' line (RFC 8866 section 5)");
        }
        return new Line(number, line.charAt(0), line.substring(2));
    }
}
