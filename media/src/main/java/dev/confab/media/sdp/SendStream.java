package dev.confab.media.sdp;

import java.util.OptionalLong;

/**
 * A track Confab sends in a media section, announced the way Chromium expects it: {@code a=msid:<stream> <track>},
 * {@code a=ssrc-group:FID <ssrc> <rtx>} when it has an RTX stream, and {@code cname} and {@code msid} per SSRC.
 * Immutable.
 *
 * @param streamId the media stream id
 * @param trackId  the track id
 * @param cname    the RTCP canonical name (the same for all of a participant's streams)
 * @param ssrc     the media SSRC
 * @param rtxSsrc  the retransmission SSRC, if RTX is sent
 */
public record SendStream(String streamId, String trackId, String cname, long ssrc, OptionalLong rtxSsrc) {

    /** Validates every field. */
    public SendStream {
        Tokens.token("stream id", streamId);
        Tokens.token("track id", trackId);
        Tokens.word("cname", cname);
        SsrcAttribute.checkSsrc(ssrc);
        rtxSsrc.ifPresent(SsrcAttribute::checkSsrc);
        if (rtxSsrc.isPresent() && rtxSsrc.getAsLong() == ssrc) {
            throw new IllegalArgumentException("the RTX SSRC must differ from the media SSRC");
        }
    }
}
