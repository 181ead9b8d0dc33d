package dev.confab.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a media section says about one RTP payload type: its {@code a=rtpmap}, its {@code a=rtcp-fb} lines and its
 * {@code a=fmtp}, written in that order after one another as Chromium does. Immutable.
 *
 * @param payloadType 0-127
 * @param rtpMap      the codec, if mapped (static types such as 0 for PCMU may go without)
 * @param feedback    the RTCP feedback the payload type uses, in order
 * @param parameters  the format parameters, if any
 */
public record RtpFormat(int payloadType, Optional<RtpMap> rtpMap, List<RtcpFeedback> feedback,
        Optional<FormatParameters> parameters) {
    /** The encoding name of retransmission (RFC 4588). */
    public static final String RTX = "rtx";

    /** Validates and copies. */
    public RtpFormat {
        checkPayloadType(payloadType);
        feedback = List.copyOf(feedback);
    }

    /** A mapped payload type without feedback or parameters. */
    public static RtpFormat of(int payloadType, RtpMap rtpMap) {
        return new RtpFormat(payloadType, Optional.of(rtpMap), List.of(), Optional.empty());
    }

    /** An RTX payload type for {@code associated} (RFC 4588 section 8): {@code rtx/<clock>} with {@code apt=...}. */
    public static RtpFormat rtx(int payloadType, int clockRate, int associated) {
        return of(payloadType, RtpMap.of(RTX, clockRate))
                .withParameters(new FormatParameters("apt=" + checkPayloadType(associated)));
    }

    /** This format with these feedback lines instead. */
    public RtpFormat withFeedback(List<RtcpFeedback> value) {
        return new RtpFormat(payloadType, rtpMap, value, parameters);
    }

    /** This format with one more feedback line. */
    public RtpFormat plusFeedback(RtcpFeedback value) {
        List<RtcpFeedback> more = new ArrayList<>(feedback);
        more.add(value);
        return withFeedback(more);
    }

    /** This format with these parameters instead. */
    public RtpFormat withParameters(FormatParameters value) {
        return new RtpFormat(payloadType, rtpMap, feedback, Optional.of(value));
    }

    /** Whether the rtpmap names codec {@code name} (case-insensitively). */
    public boolean is(String name) {
        return rtpMap.map(map -> map.is(name)).orElse(false);
    }

    /** For an RTX format, the payload type it retransmits ({@code apt}), if it parses. */
    public OptionalInt associatedPayloadType() {
        if (!is(RTX)) {
            return OptionalInt.empty();
        }
        Optional<String> apt = parameters.flatMap(p -> p.get("apt"));
        try {
            return apt.isPresent() ? OptionalInt.of(Tokens.integer("apt", apt.get(), 0, 127)) : OptionalInt.empty();
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether nothing but the payload type is known: such a format writes no lines. */
    boolean isBare() {
        return rtpMap.isEmpty() && feedback.isEmpty() && parameters.isEmpty();
    }

    static int checkPayloadType(int payloadType) {
        return (int) Tokens.inRange("RTP payload type", payloadType, 0, 127);
    }
}
