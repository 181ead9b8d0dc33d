package dev.confab.media.call;

import dev.confab.media.audio.jitter.JitterBufferStats;
import java.util.Optional;

/**
 * A snapshot of what a call's media has done, for the statistics a person can open and for tests. Immutable.
 *
 * @param state                 the media path's state
 * @param muted                 whether the microphone is muted
 * @param sendBitrate           the encoder's target bitrate, bit/s
 * @param packetsSent           audio packets encrypted and sent
 * @param payloadBytesSent      Opus bytes in them
 * @param framesNotSent         frames that could not be sent (no keys or path yet, or a failure)
 * @param dtxFrames             silent frames DTX left out
 * @param packetsReceived       audio packets received, decrypted and of the agreed payload type
 * @param packetsRefused        decrypted packets refused (malformed, or another payload type)
 * @param framesPlayed          20 ms frames played from received audio
 * @param framesSilent          20 ms frames playout had to fill with silence
 * @param roundTripMillis       the round-trip time from the last report, or -1 before there was one
 * @param sentLossPercent       the share of our packets the peer last reported lost
 * @param receivedLossPercent   the share of the peer's packets lost in our last report interval
 * @param receivedLost          the peer's packets lost since the start
 * @param receivedJitterMillis  the interarrival jitter of the peer's audio here
 * @param reportsSent           RTCP compounds sent
 * @param reportsReceived       RTCP compounds received and parsed
 * @param srtpProtected         packets the SRTP layer protected (RTP and RTCP)
 * @param srtpUnprotected       packets the SRTP layer authenticated and decrypted
 * @param srtpFailed            packets the SRTP layer refused (bad tag, replay)
 * @param jitterBuffer          the jitter buffer's level, target, loss, concealment and stretching, once negotiated
 * @param path                  the candidate pair media goes over, once ICE selected one
 * @param videoSent             what this device's video sending did (zeros without a camera or video section)
 * @param videoReceived         what the peer's video receiving did
 * @param videoSendBitrate      the video encoder's target bitrate, bit/s (0 without video)
 * @param estimatedSendBitrate  what the path is estimated to carry from this device (the peer's transport-wide
 *                              feedback), audio and video together, bit/s
 */
public record CallStatistics(CallMediaState state, boolean muted, int sendBitrate, long packetsSent,
        long payloadBytesSent, long framesNotSent, long dtxFrames, long packetsReceived, long packetsRefused,
        long framesPlayed, long framesSilent, double roundTripMillis, double sentLossPercent,
        double receivedLossPercent, long receivedLost, double receivedJitterMillis, long reportsSent,
        long reportsReceived, long srtpProtected, long srtpUnprotected, long srtpFailed,
        Optional<JitterBufferStats> jitterBuffer, Optional<MediaPath> path, VideoSendStats videoSent,
        VideoReceiveStats videoReceived, int videoSendBitrate, long estimatedSendBitrate) {
}
