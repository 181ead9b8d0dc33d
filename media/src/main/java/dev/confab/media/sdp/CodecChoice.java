package dev.confab.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hook that decides which offered payload types an answer keeps for a media section. The answer keeps the
 * offered payload type numbers, rtpmap and fmtp (RFC 3264 section 6.1); a section for which the choice is empty is
 * rejected. Implementations must be stateless or thread-safe.
 */
@FunctionalInterface
public interface CodecChoice {

    /** The payload types to answer with, most preferred first, taken from {@code offered}'s formats. */
    List<RtpFormat> choose(MediaDescription offered);

    /**
     * Keeps the offered formats whose encoding name is one of {@code names} (case-insensitively), in the order of
     * {@code names}, then offer order. The name {@code rtx} keeps only RTX formats whose {@code apt} is kept.
     */
    static CodecChoice byName(String... names) {
        List<String> wanted = List.of(names);
        return offered -> {
            List<RtpFormat> chosen = new ArrayList<>();
            for (String name : wanted) {
                if (name.equalsIgnoreCase(RtpFormat.RTX)) {
                    continue;
                }
                offered.rtpFormats().stream().filter(f -> f.is(name)).forEach(chosen::add);
            }
            if (wanted.stream().anyMatch(RtpFormat.RTX::equalsIgnoreCase)) {
                List<RtpFormat> media = List.copyOf(chosen);
                offered.rtpFormats().stream()
                        .filter(f -> f.associatedPayloadType().isPresent() && media.stream()
                                .anyMatch(m -> m.payloadType() == f.associatedPayloadType().getAsInt()))
                        .forEach(chosen::add);
            }
            return chosen;
        };
    }

    /**
     * This choice with the {@code a=fmtp} of the formats named {@code name} replaced by {@code parameters}: an answer
     * states what the answerer wants to receive (RFC 3264 section 6.1, RFC 7587 section 7.1), not the offerer's
     * wishes echoed back.
     */
    default CodecChoice withParameters(String name, FormatParameters parameters) {
        return offered -> choose(offered).stream().map(f -> f.is(name) ? f.withParameters(parameters) : f).toList();
    }

    /** This choice with each format's RTCP feedback cut down to what Confab implements. */
    default CodecChoice withFeedback(Set<RtcpFeedback> supported) {
        return offered -> choose(offered).stream()
                .map(f -> f.withFeedback(f.feedback().stream().filter(supported::contains).toList()))
                .toList();
    }
}
