package dev.confab.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * One media section Confab offers: its kind and mid, the direction, the payload types in order of preference, the
 * header extensions, and the track it sends, if any. Immutable.
 *
 * @param kind       {@code audio} or {@code video}
 * @param mid        the media identification, unique in the offer
 * @param direction  what Confab wants to do with this media
 * @param formats    the payload types offered, most preferred first
 * @param extmaps    the RTP header extensions offered
 * @param sendStream the track sent, if any
 */
public record LocalMedia(String kind, String mid, Direction direction, List<RtpFormat> formats, List<Extmap> extmaps,
        Optional<SendStream> sendStream) {

    /** Validates and copies. */
    public LocalMedia {
        Tokens.token("media kind", kind);
        Tokens.token("mid", mid);
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("a media section offers at least one payload type");
        }
        extmaps = List.copyOf(extmaps);
    }
}
