package dev.confab.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * An {@code a=msid} (RFC 8830): the media stream a track belongs to ({@code -} for none, as Chromium writes) and the
 * track id. Immutable.
 *
 * @param streamId the stream id, or {@link #NO_STREAM}
 * @param trackId  the track id (RFC 8830 "appdata"), if given
 */
public record Msid(String streamId, Optional<String> trackId) {
    /** The stream id for a track in no stream. */
    public static final String NO_STREAM = "-";

    /** Validates both ids. */
    public Msid {
        Tokens.token("msid stream id", streamId);
        trackId.ifPresent(t -> Tokens.token("msid track id", t));
    }

    /** A track in a stream. */
    public static Msid of(String streamId, String trackId) {
        return new Msid(streamId, Optional.of(trackId));
    }

    static Msid fromSdpValue(String value) {
        List<String> fields = Tokens.fields("a=msid", value);
        if (fields.size() > 2) {
            throw new IllegalArgumentException("a=msid takes a stream id and at most one track id");
        }
        return new Msid(fields.getFirst(), fields.size() == 2 ? Optional.of(fields.get(1)) : Optional.empty());
    }

    /** The attribute value. */
    public String toSdpValue() {
        return trackId.map(t -> streamId + " " + t).orElse(streamId);
    }
}
