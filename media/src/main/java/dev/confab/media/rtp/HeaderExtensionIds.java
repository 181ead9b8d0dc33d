package dev.confab.media.rtp;

import dev.confab.media.sdp.Extmap;
import java.util.Collection;

/**
 * The local ids SDP assigned ({@code a=extmap}, RFC 8285 section 8) to the header extensions Confab writes; 0 where
 * an extension was not negotiated. Immutable.
 *
 * @param mid               {@link Extmap#MID_URI}: the BUNDLE media id (RFC 9143)
 * @param audioLevel        {@link #AUDIO_LEVEL_URI}: client-to-mixer audio level (RFC 6464)
 * @param absSendTime       {@link #ABS_SEND_TIME_URI}: 24-bit send time for receive-side bandwidth estimation
 * @param transportSequence {@link #TRANSPORT_SEQUENCE_URI}: the transport-wide sequence number of transport-cc
 */
public record HeaderExtensionIds(int mid, int audioLevel, int absSendTime, int transportSequence) {
    /** RFC 6464's URI. */
    public static final String AUDIO_LEVEL_URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    /** The URI Chromium offers for abs-send-time. */
    public static final String ABS_SEND_TIME_URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    /** The URI Chromium offers for transport-wide sequence numbers (draft-holmer-rmcat-transport-wide-cc-extensions). */
    public static final String TRANSPORT_SEQUENCE_URI =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    /** No extension negotiated. */
    public static final HeaderExtensionIds NONE = new HeaderExtensionIds(0, 0, 0, 0);

    /** Checks that every id is 0 or a valid element id, 1-255. */
    public HeaderExtensionIds {
        for (int id : new int[] {mid, audioLevel, absSendTime, transportSequence}) {
            if (id < 0 || id > 255) {
                throw new IllegalArgumentException("header extension ids are 1-255 (0 for none), not " + id);
            }
        }
    }

    /** The ids of the known URIs among the negotiated {@code extmaps}; others are ignored. */
    public static HeaderExtensionIds fromExtmaps(Collection<Extmap> extmaps) {
        return new HeaderExtensionIds(idOf(extmaps, Extmap.MID_URI), idOf(extmaps, AUDIO_LEVEL_URI),
                idOf(extmaps, ABS_SEND_TIME_URI), idOf(extmaps, TRANSPORT_SEQUENCE_URI));
    }

    /** Whether some id is above 14, so elements must use the two-byte form (which needs extmap-allow-mixed). */
    public boolean needsTwoByteForm() {
        return Math.max(Math.max(mid, audioLevel), Math.max(absSendTime, transportSequence))
                > HeaderExtensionProfile.MAX_ONE_BYTE_ID;
    }

    private static int idOf(Collection<Extmap> extmaps, String uri) {
        return extmaps.stream().filter(e -> e.uri().equals(uri) && e.id() <= 255).mapToInt(Extmap::id).findFirst()
                .orElse(0);
    }
}
