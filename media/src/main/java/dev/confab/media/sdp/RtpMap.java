package dev.confab.media.sdp;

import java.util.OptionalInt;

/**
 * The value of an {@code a=rtpmap} after the payload type (RFC 8866 section 6.6): {@code <encoding name>/<clock
 * rate>[/<channels>]}, such as {@code opus/48000/2} or {@code VP8/90000}. Immutable.
 *
 * @param encodingName the codec name as written (compare case-insensitively)
 * @param clockRate    the RTP clock rate in Hz
 * @param channels     the audio channel count, if given
 */
public record RtpMap(String encodingName, int clockRate, OptionalInt channels) {

    /** Validates every field. */
    public RtpMap {
        Tokens.token("encoding name", encodingName);
        if (encodingName.indexOf('/') >= 0) {
            throw new IllegalArgumentException("an encoding name holds no '/'");
        }
        Tokens.inRange("clock rate", clockRate, 1, Integer.MAX_VALUE);
        channels.ifPresent(c -> Tokens.inRange("channels", c, 1, 255));
    }

    /** A codec without a channel count (video). */
    public static RtpMap of(String encodingName, int clockRate) {
        return new RtpMap(encodingName, clockRate, OptionalInt.empty());
    }

    /** A codec with a channel count (audio). */
    public static RtpMap of(String encodingName, int clockRate, int channels) {
        return new RtpMap(encodingName, clockRate, OptionalInt.of(channels));
    }

    /** Whether this is the codec {@code name}, compared case-insensitively as RFC 4855 asks. */
    public boolean is(String name) {
        return encodingName.equalsIgnoreCase(name);
    }

    static RtpMap fromSdpValue(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("rtpmap needs <encoding name>/<clock rate>[/<channels>]");
        }
        return new RtpMap(parts[0], Tokens.integer("clock rate", parts[1], 1, Integer.MAX_VALUE),
                parts.length == 3 ? OptionalInt.of(Tokens.integer("channels", parts[2], 1, 255)) : OptionalInt.empty());
    }

    /** The value after the payload type. */
    public String toSdpValue() {
        return encodingName + "/" + clockRate + (channels.isPresent() ? "/" + channels.getAsInt() : "");
    }
}
