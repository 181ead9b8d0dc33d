package dev.confab.media.audio.opus;

import dev.confab.media.sdp.FormatParameters;
import dev.confab.media.sdp.RtpFormat;
import dev.confab.media.sdp.RtpMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Opus media type parameters of one side (RFC 7587 section 6.1), as its {@code a=fmtp} states them: what that side
 * prefers to receive ({@code minptime}, {@code useinbandfec}, {@code usedtx}, {@code stereo},
 * {@code maxaveragebitrate}, {@code maxplaybackrate}, {@code cbr}) and what it sends ({@code sprop-stereo}). Absent
 * parameters take the RFC's defaults; unknown ones are ignored. An encoder follows the peer's parameters through
 * {@link OpusEncoderConfig#negotiatedWith}. Immutable.
 *
 * @param minPtimeMillis    the shortest packet duration the side wants, 0 for no minimum, else 3-120 ms
 * @param useInbandFec      whether its decoder uses in-band FEC
 * @param useDtx            whether it prefers DTX
 * @param stereo            whether it prefers to receive stereo
 * @param spropStereo       whether it is likely to send stereo
 * @param maxAverageBitrate the highest average bitrate it wants to receive, 6000-510000 bit/s
 * @param maxPlaybackRate   the highest sample rate it plays at, 8000-48000 Hz
 * @param cbr               whether it prefers constant bitrate
 */
public record OpusParameters(int minPtimeMillis, boolean useInbandFec, boolean useDtx, boolean stereo,
        boolean spropStereo, int maxAverageBitrate, int maxPlaybackRate, boolean cbr) {
    /** The rtpmap every Opus payload type has, whatever it codes: {@code opus/48000/2} (RFC 7587 section 7). */
    public static final RtpMap RTP_MAP = RtpMap.of("opus", OpusPackets.SAMPLE_RATE, 2);

    /** What an {@code a=fmtp}-less Opus payload type means (RFC 7587 section 6.1 defaults). */
    public static final OpusParameters DEFAULTS = new OpusParameters(0, false, false, false, false,
            OpusEncoderConfig.MAX_BITRATE, OpusPackets.SAMPLE_RATE, false);

    /** What Confab offers and answers: {@code minptime=10;useinbandfec=1;usedtx=1} (Chromium's plus DTX), mono. */
    public static final OpusParameters CONFAB = new OpusParameters(10, true, true, false, false,
            OpusEncoderConfig.MAX_BITRATE, OpusPackets.SAMPLE_RATE, false);

    /** Validates the ranges. */
    public OpusParameters {
        if (minPtimeMillis != 0) {
            inRange("minptime", minPtimeMillis, 3, 120);
        }
        inRange("maxaveragebitrate", maxAverageBitrate, OpusEncoderConfig.MIN_BITRATE, OpusEncoderConfig.MAX_BITRATE);
        inRange("maxplaybackrate", maxPlaybackRate, 8000, OpusPackets.SAMPLE_RATE);
    }

    /**
     * The parameters of a negotiated Opus payload type.
     *
     * @throws IllegalArgumentException when {@code format} is not {@code opus/48000/2}, or a parameter Confab reads
     *                                  has a value the RFC does not allow (the message names it)
     */
    public static OpusParameters of(RtpFormat format) {
        if (!format.rtpMap().map(m -> m.is("opus") && m.clockRate() == OpusPackets.SAMPLE_RATE
                && m.channels().orElse(0) == 2).orElse(false)) {
            throw new IllegalArgumentException("payload type " + format.payloadType() + " is "
                    + format.rtpMap().map(RtpMap::toSdpValue).orElse("unmapped") + ", not opus/48000/2");
        }
        Map<String, String> fmtp = format.parameters().map(FormatParameters::asMap).orElse(Map.of());
        return new OpusParameters(integer(fmtp, "minptime", 0), flag(fmtp, "useinbandfec"), flag(fmtp, "usedtx"),
                flag(fmtp, "stereo"), flag(fmtp, "sprop-stereo"),
                integer(fmtp, "maxaveragebitrate", OpusEncoderConfig.MAX_BITRATE),
                integer(fmtp, "maxplaybackrate", OpusPackets.SAMPLE_RATE), flag(fmtp, "cbr"));
    }

    /** The {@code a=fmtp} value stating these parameters (only those that differ from the defaults), if any. */
    public Optional<FormatParameters> formatParameters() {
        Map<String, String> fmtp = new LinkedHashMap<>();
        if (minPtimeMillis != 0) {
            fmtp.put("minptime", Integer.toString(minPtimeMillis));
        }
        putFlag(fmtp, "useinbandfec", useInbandFec);
        putFlag(fmtp, "usedtx", useDtx);
        putFlag(fmtp, "stereo", stereo);
        putFlag(fmtp, "sprop-stereo", spropStereo);
        if (maxAverageBitrate != DEFAULTS.maxAverageBitrate) {
            fmtp.put("maxaveragebitrate", Integer.toString(maxAverageBitrate));
        }
        if (maxPlaybackRate != DEFAULTS.maxPlaybackRate) {
            fmtp.put("maxplaybackrate", Integer.toString(maxPlaybackRate));
        }
        putFlag(fmtp, "cbr", cbr);
        return fmtp.isEmpty() ? Optional.empty() : Optional.of(FormatParameters.of(fmtp));
    }

    /** An Opus payload type {@code payloadType} with these parameters, for an offer. */
    public RtpFormat rtpFormat(int payloadType) {
        RtpFormat format = RtpFormat.of(payloadType, RTP_MAP);
        return formatParameters().map(format::withParameters).orElse(format);
    }

    private static boolean flag(Map<String, String> fmtp, String name) {
        String value = fmtp.get(name);
        if (value == null || value.equals("0")) {
            return false;
        }
        if (value.equals("1")) {
            return true;
        }
        throw new IllegalArgumentException("Opus parameter " + name + "=" + value + " is not 0 or 1");
    }

    private static int integer(Map<String, String> fmtp, String name, int absent) {
        String value = fmtp.get(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Opus parameter " + name + "=" + value + " is not a number");
        }
    }

    private static void putFlag(Map<String, String> fmtp, String name, boolean value) {
        if (value) {
            fmtp.put(name, "1");
        }
    }

    private static void inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Opus parameter " + name + "=" + value + " is outside " + min + "-"
                    + max);
        }
    }
}
