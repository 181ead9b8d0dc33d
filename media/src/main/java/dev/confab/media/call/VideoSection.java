package dev.confab.media.call;

import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.MidElement;
import dev.confab.media.sdp.CodecChoice;
import dev.confab.media.sdp.Direction;
import dev.confab.media.sdp.Extmap;
import dev.confab.media.sdp.LocalMedia;
import dev.confab.media.sdp.MediaDescription;
import dev.confab.media.sdp.RtcpFeedback;
import dev.confab.media.sdp.RtpFormat;
import dev.confab.media.sdp.RtpMap;
import dev.confab.media.sdp.SendStream;
import dev.confab.media.sdp.SessionDescription;
import dev.confab.media.sdp.SsrcGroup;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The video section Confab offers and answers with: VP8 (RFC 7741) at payload type 96 and its RTX stream (RFC 4588) at
 * 97, as Chromium numbers them; the feedback Confab implements (generic NACK, PLI, FIR and transport-wide congestion
 * control); the {@code mid}, abs-send-time and transport-wide sequence header extensions at Chromium's ids; and the
 * one track this device sends with its RTX SSRC. The section is always negotiated, so a camera can be turned on at
 * any moment of a call without renegotiating. Immutable.
 *
 * @param sendStream the track this device sends: its SSRC, RTX SSRC and CNAME
 */
public record VideoSection(SendStream sendStream) {
    /** The mid of the video section in Confab's offers. */
    public static final String MID = "1";
    /** VP8's payload type in Confab's offers (as Chromium numbers it); an answer keeps the offerer's number. */
    public static final int VP8_PAYLOAD_TYPE = 96;
    /** The payload type of VP8's retransmissions in Confab's offers. */
    public static final int RTX_PAYLOAD_TYPE = 97;
    /** Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions). */
    public static final RtcpFeedback TRANSPORT_CC = new RtcpFeedback("transport-cc", Optional.empty());
    /** The feedback Confab sends and honours for video. */
    public static final Set<RtcpFeedback> FEEDBACK = Set.of(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI,
            RtcpFeedback.CCM_FIR, TRANSPORT_CC);
    private static final int CLOCK_RATE = 90_000;
    /** The ids Chromium gives these extensions in its video sections (the same as in its audio sections). */
    private static final List<Extmap> EXTMAPS = List.of(Extmap.of(2, HeaderExtensionIds.ABS_SEND_TIME_URI),
            Extmap.of(3, HeaderExtensionIds.TRANSPORT_SEQUENCE_URI), Extmap.of(4, Extmap.MID_URI));

    /** Validates that the track has an RTX stream. */
    public VideoSection {
        if (sendStream.rtxSsrc().isEmpty()) {
            throw new IllegalArgumentException("Confab's video track sends retransmissions from an RTX SSRC");
        }
    }

    /** The offered video section. */
    public LocalMedia offer() {
        RtpFormat vp8 = RtpFormat.of(VP8_PAYLOAD_TYPE, RtpMap.of("VP8", CLOCK_RATE)).withFeedback(List.of(
                TRANSPORT_CC, RtcpFeedback.CCM_FIR, RtcpFeedback.NACK, RtcpFeedback.NACK_PLI));
        return new LocalMedia(MediaDescription.VIDEO, MID, Direction.SENDRECV,
                List.of(vp8, RtpFormat.rtx(RTX_PAYLOAD_TYPE, CLOCK_RATE, VP8_PAYLOAD_TYPE)), EXTMAPS,
                Optional.of(sendStream));
    }

    /** The codec choice for an offered video section: VP8 and its RTX, with the feedback Confab implements. */
    static CodecChoice codecChoice() {
        return CodecChoice.byName("VP8", RtpFormat.RTX).withFeedback(FEEDBACK);
    }

    /** The URIs of the header extensions Confab writes and reads in video. */
    static Set<String> headerExtensionUris() {
        return Set.of(HeaderExtensionIds.ABS_SEND_TIME_URI, HeaderExtensionIds.TRANSPORT_SEQUENCE_URI,
                Extmap.MID_URI);
    }

    /**
     * The video section of a description (the first {@code video} section not rejected) with VP8 in it, if any: a
     * peer may offer or answer audio only, or video without VP8, and the call goes on without video.
     */
    public static Optional<Negotiated> negotiated(SessionDescription description) {
        Optional<MediaDescription> found = description.media().stream()
                .filter(m -> m.media().equals(MediaDescription.VIDEO) && !m.isRejected()).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MediaDescription video = found.get();
        Optional<RtpFormat> vp8 = video.rtpFormats().stream().filter(f -> f.is("VP8")).findFirst();
        if (vp8.isEmpty()) {
            return Optional.empty();
        }
        int vp8Type = vp8.get().payloadType();
        OptionalInt rtxType = video.rtpFormats().stream()
                .filter(f -> f.is(RtpFormat.RTX) && f.associatedPayloadType().equals(OptionalInt.of(vp8Type)))
                .mapToInt(RtpFormat::payloadType).findFirst();
        Set<RtcpFeedback> feedback = Set.copyOf(vp8.get().feedback());
        HeaderExtensionIds agreed = HeaderExtensionIds.fromExtmaps(video.extmaps());
        String mid = video.mid().orElse(MID);
        int midId = mid.length() <= MidElement.MAX_LENGTH ? agreed.mid() : 0; // longer: not written (RFC 9143)
        return Optional.of(new Negotiated(video, vp8Type, rtxType, feedback,
                new HeaderExtensionIds(midId, 0, agreed.absSendTime(), agreed.transportSequence()), mid,
                peerSsrcs(video)));
    }

    private static PeerSsrcs peerSsrcs(MediaDescription video) {
        Optional<SsrcGroup> fid = video.ssrcGroups().stream()
                .filter(g -> g.semantics().equals(SsrcGroup.FID) && g.ssrcs().size() == 2).findFirst();
        if (fid.isPresent()) {
            return new PeerSsrcs(OptionalLong.of(fid.get().ssrcs().get(0)), OptionalLong.of(fid.get().ssrcs().get(1)));
        }
        return video.ssrcs().stream().findFirst()
                .map(s -> new PeerSsrcs(OptionalLong.of(s.ssrc()), OptionalLong.empty()))
                .orElse(new PeerSsrcs(OptionalLong.empty(), OptionalLong.empty()));
    }

    /**
     * The SSRCs the peer announced for its video, if it did (a peer may leave them out; its packets then name them).
     *
     * @param media the SSRC of its VP8 packets
     * @param rtx   the SSRC of its retransmissions
     */
    public record PeerSsrcs(OptionalLong media, OptionalLong rtx) {
    }

    /**
     * The video section both sides agreed on.
     *
     * @param section        the section as the peer described it
     * @param vp8PayloadType the payload type VP8 travels under
     * @param rtxPayloadType the payload type of retransmissions, if the peer takes RTX (else they are resent plainly)
     * @param feedback       the RTCP feedback the peer listed for VP8
     * @param extensions     the ids of the header extensions both write (mid, abs-send-time, transport-wide sequence)
     * @param mid            the section's mid
     * @param peerSsrcs      the SSRCs the peer announced
     */
    public record Negotiated(MediaDescription section, int vp8PayloadType, OptionalInt rtxPayloadType,
            Set<RtcpFeedback> feedback, HeaderExtensionIds extensions, String mid, PeerSsrcs peerSsrcs) {

        /** Validates and copies. */
        public Negotiated {
            feedback = Set.copyOf(feedback);
        }

        /** Whether the peer answers NACKs (else a loss waits for the next keyframe asked with PLI). */
        public boolean nack() {
            return feedback.contains(RtcpFeedback.NACK);
        }

        /** Whether the peer takes picture loss indications. */
        public boolean pli() {
            return feedback.contains(RtcpFeedback.NACK_PLI);
        }

        /** Whether the peer takes full intra requests. */
        public boolean fir() {
            return feedback.contains(RtcpFeedback.CCM_FIR);
        }

        /** Whether the peer sends and takes transport-wide congestion control feedback. */
        public boolean transportCc() {
            return feedback.contains(TRANSPORT_CC) && extensions.transportSequence() != 0;
        }

        /** Whether the peer receives video at all (else this device sends none). */
        public boolean peerReceives() {
            return section.effectiveDirection().receives();
        }

        /** Whether the peer sends video at all. */
        public boolean peerSends() {
            return section.effectiveDirection().sends();
        }
    }
}
