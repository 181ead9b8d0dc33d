package dev.confab.media.call;

import dev.confab.media.audio.opus.OpusEncoderConfig;
import dev.confab.media.audio.opus.OpusParameters;
import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.MidElement;
import dev.confab.media.sdp.CodecChoice;
import dev.confab.media.sdp.Direction;
import dev.confab.media.sdp.Extmap;
import dev.confab.media.sdp.LocalMedia;
import dev.confab.media.sdp.MediaDescription;
import dev.confab.media.sdp.RtpFormat;
import dev.confab.media.sdp.SendStream;
import dev.confab.media.sdp.SessionDescription;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audio section Confab offers and answers with: Opus (RFC 7587) at payload type 111 as browsers number it, 20 ms
 * frames (10 ms allowed), in-band FEC and DTX, mono; the {@code mid}, audio level (RFC 6464), abs-send-time and
 * transport-wide sequence header extensions (the last for the send-side bandwidth estimate, which counts audio with
 * video); and the one track this device sends. Immutable.
 *
 * @param sendStream the track this device sends: its SSRC and CNAME
 */
public record AudioSection(SendStream sendStream) {
    /** The mid of the audio section in Confab's offers. */
    public static final String MID = "0";
    /** Opus's payload type in Confab's offers (as Chromium numbers it); an answer keeps the offerer's number. */
    public static final int OPUS_PAYLOAD_TYPE = 111;
    /** The ids Chromium gives these extensions in its audio sections. */
    private static final List<Extmap> EXTMAPS = List.of(Extmap.of(1, HeaderExtensionIds.AUDIO_LEVEL_URI),
            Extmap.of(2, HeaderExtensionIds.ABS_SEND_TIME_URI),
            Extmap.of(3, HeaderExtensionIds.TRANSPORT_SEQUENCE_URI), Extmap.of(4, Extmap.MID_URI));

    /** The offered audio section. */
    public LocalMedia offer() {
        RtpFormat opus = OpusParameters.CONFAB.rtpFormat(OPUS_PAYLOAD_TYPE);
        return new LocalMedia(MediaDescription.AUDIO, MID, Direction.SENDRECV, List.of(opus), EXTMAPS,
                Optional.of(sendStream));
    }

    /** The codec choice for an offered audio section: Opus only, with Confab's own fmtp (what it wants to receive). */
    static CodecChoice codecChoice() {
        CodecChoice opus = CodecChoice.byName("opus");
        return OpusParameters.CONFAB.formatParameters().map(fmtp -> opus.withParameters("opus", fmtp)).orElse(opus);
    }

    /** The URIs of the header extensions Confab writes and reads in audio. */
    static Set<String> headerExtensionUris() {
        return Set.of(Extmap.MID_URI, HeaderExtensionIds.AUDIO_LEVEL_URI, HeaderExtensionIds.ABS_SEND_TIME_URI,
                HeaderExtensionIds.TRANSPORT_SEQUENCE_URI);
    }

    /**
     * The audio section of a description (the first {@code audio} section not rejected) and its Opus payload type.
     *
     * @throws CallNegotiationException if there is no such section or it has no Opus
     */
    public static Negotiated negotiated(SessionDescription description) throws CallNegotiationException {
        MediaDescription audio = description.media().stream()
                .filter(m -> m.media().equals(MediaDescription.AUDIO) && !m.isRejected()).findFirst()
                .orElseThrow(() -> new CallNegotiationException("the description has no audio section"));
        RtpFormat opus = audio.rtpFormats().stream().filter(f -> f.is("opus")).findFirst()
                .orElseThrow(() -> new CallNegotiationException("the audio section offers no Opus"));
        return new Negotiated(audio, opus.payloadType());
    }

    /**
     * The audio section both sides agreed on.
     *
     * @param section         the section as the peer described it
     * @param opusPayloadType the payload type Opus travels under
     */
    public record Negotiated(MediaDescription section, int opusPayloadType) {

        /**
         * How this device sends: the payload type, the ids of the header extensions it writes if agreed (mid, audio
         * level, abs-send-time), the section's mid, and Confab's encoder
         * narrowed by the peer's fmtp, in 20 ms frames (what capture delivers; a peer asking for longer frames with
         * {@code minptime} still gets 20 ms ones).
         *
         * @throws CallNegotiationException if the peer's Opus fmtp has a value RFC 7587 does not allow
         */
        AudioSendStream.Setup sendSetup() throws CallNegotiationException {
            RtpFormat opus = section.rtpFormats().stream().filter(f -> f.payloadType() == opusPayloadType).findFirst()
                    .orElseThrow();
            OpusEncoderConfig narrowed;
            try {
                narrowed = OpusEncoderConfig.DEFAULT.negotiatedWith(OpusParameters.of(opus));
            } catch (IllegalArgumentException e) {
                throw new CallNegotiationException("the peer's Opus parameters are invalid: " + e.getMessage(), e);
            }
            OpusEncoderConfig encoder = new OpusEncoderConfig(narrowed.channels(), 20, narrowed.bitrate(),
                    narrowed.complexity(), narrowed.inbandFec(), narrowed.dtx(), narrowed.packetLossPercent(),
                    narrowed.maxBandwidth(), narrowed.cbr());
            HeaderExtensionIds agreed = HeaderExtensionIds.fromExtmaps(section.extmaps());
            String mid = section.mid().orElse(MID);
            int midId = mid.length() <= MidElement.MAX_LENGTH ? agreed.mid() : 0; // longer: not written (RFC 9143)
            return new AudioSendStream.Setup(opusPayloadType, new HeaderExtensionIds(midId, agreed.audioLevel(),
                    agreed.absSendTime(), agreed.transportSequence()), mid, encoder);
        }
    }
}
