package dev.confab.protocol.ws;

import dev.confab.protocol.Fields;

/**
 * A trickled ICE candidate in the shape of WebRTC's RTCIceCandidateInit: the {@code a=candidate} value
 * (empty for end-of-candidates), the media section's mid and index.
 */
public record IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex) {
    public IceCandidate {
        Fields.present(candidate, "candidate");
        Fields.optionalBounded(candidate, "candidate", 1024);
        Fields.optionalBounded(sdpMid, "sdpMid", 32);
    }
}
