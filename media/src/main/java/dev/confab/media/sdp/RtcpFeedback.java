package dev.confab.media.sdp;

import java.util.Optional;

/**
 * One {@code a=rtcp-fb} for a payload type (RFC 4585 section 4.2), after the payload type: a type such as
 * {@code nack}, {@code ccm}, {@code goog-remb} or {@code transport-cc}, and its parameter ({@code pli}, {@code fir}).
 * Immutable.
 *
 * @param type      the feedback type, a token
 * @param parameter the rest of the value after the type, if any
 */
public record RtcpFeedback(String type, Optional<String> parameter) {
    /** Generic NACK (RFC 4585). */
    public static final RtcpFeedback NACK = new RtcpFeedback("nack", Optional.empty());
    /** Picture loss indication (RFC 4585). */
    public static final RtcpFeedback NACK_PLI = new RtcpFeedback("nack", Optional.of("pli"));
    /** Full intra request (RFC 5104). */
    public static final RtcpFeedback CCM_FIR = new RtcpFeedback("ccm", Optional.of("fir"));

    /** Validates both parts. */
    public RtcpFeedback {
        Tokens.token("rtcp-fb type", type);
        parameter.ifPresent(p -> Tokens.text("rtcp-fb parameter", p));
    }

    static RtcpFeedback fromSdpValue(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? new RtcpFeedback(value, Optional.empty())
                : new RtcpFeedback(value.substring(0, space), Optional.of(value.substring(space + 1)));
    }

    /** The value after the payload type. */
    public String toSdpValue() {
        return parameter.map(p -> type + " " + p).orElse(type);
    }
}
