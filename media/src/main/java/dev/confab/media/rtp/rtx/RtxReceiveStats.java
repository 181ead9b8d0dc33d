package dev.confab.media.rtp.rtx;

/**
 * What an {@link RtxDepacketizer} has done since it was made. Immutable.
 *
 * @param packets             packets offered
 * @param restored            turned back into their original packets
 * @param paddingOnly         dropped: no payload at all (a sender's bandwidth probe)
 * @param malformed           dropped: not RTP, or a payload too short for the original sequence number
 * @param wrongSsrc           dropped: not on the RTX stream's SSRC
 * @param unknownPayloadType  dropped: a payload type not negotiated for RTX
 */
public record RtxReceiveStats(long packets, long restored, long paddingOnly, long malformed, long wrongSsrc,
        long unknownPayloadType) {
}
