package dev.confab.media.call;

/**
 * What a {@link VideoSendStream} has done since it was made. Immutable.
 *
 * @param framesCaptured          frames the camera handed in while the stream was started and the camera on
 * @param framesThinned           of those, left out to keep to the frame rate limit
 * @param framesReplaced          of those, replaced in the mailbox by a newer one before the encoder took them
 * @param framesEncoded           frames the encoder produced
 * @param keyFrames               of those, key frames
 * @param encodeNanos             time spent scaling and encoding, in total
 * @param encoderFailures         frames libvpx failed on (the encoder is then opened anew)
 * @param packetsSent             media packets handed to the transport (retransmissions not counted)
 * @param bytesSent               their RTP bytes, headers included
 * @param payloadBytesSent        their payload bytes (VP8 descriptors and data): a sender report's octet count
 * @param retransmissions         packets resent on the peer's NACKs (RTX or plain)
 * @param retransmittedBytes      their RTP bytes
 * @param retransmissionsRefused  sequence numbers asked for that were not resent (gone, too old, resent recently)
 * @param sendFailures            packets the transport did not take (no path or keys yet, or an I/O error)
 * @param keyFrameRequests        PLIs and FIRs received for this stream
 * @param keyFrameRequestsIgnored of those, ignored because one was taken less than the minimum interval before
 * @param nacksDropped            NACK packets dropped because the encoder thread had too many still to answer
 */
public record VideoSendStats(long framesCaptured, long framesThinned, long framesReplaced, long framesEncoded,
        long keyFrames, long encodeNanos, long encoderFailures, long packetsSent, long bytesSent, long payloadBytesSent,
        long retransmissions, long retransmittedBytes, long retransmissionsRefused, long sendFailures,
        long keyFrameRequests, long keyFrameRequestsIgnored, long nacksDropped) {
}
