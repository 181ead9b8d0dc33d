package dev.confab.bench.video;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What one peer connection's {@code getStats()} says at a moment about the call's media: the inbound video's decoded
 * frames, picture size, bytes and codec, the inbound audio's packets, and how the outbound video is encoded (encoder
 * implementation, and what limits its quality). {@link #receivedSince} turns two of them into a
 * {@link ReceivedVideo}. Immutable.
 *
 * @param timestampMillis       the inbound video report's time, ms
 * @param framesDecoded         inbound video frames decoded
 * @param frameWidth            width of the last decoded frame
 * @param frameHeight           height of the last decoded frame
 * @param videoBytesReceived    inbound video payload bytes
 * @param audioPacketsReceived  inbound audio packets
 * @param receivedCodec         the inbound video's codec, such as {@code video/VP8}
 * @param encoderImplementation the outbound video's encoder, such as {@code libvpx}; empty when not reported
 * @param qualityLimitation     the outbound video's {@code qualityLimitationReason}, such as {@code none} or
 *                              {@code cpu}; empty when not reported
 */
record WebRtcSideStats(double timestampMillis, long framesDecoded, int frameWidth, int frameHeight,
                       long videoBytesReceived, long audioPacketsReceived, String receivedCodec,
                       String encoderImplementation, String qualityLimitation) {

    /**
     * Reads the reports of one {@code getStats()} call, as a JSON array of report objects.
     *
     * @throws IllegalStateException when there is no inbound video report (the call carries no video)
     */
    static WebRtcSideStats parse(JsonNode reports) {
        JsonNode video = find(reports, "inbound-rtp", "video")
                .orElseThrow(() -> new IllegalStateException("no inbound video in the stats: " + reports));
        long audioPackets = find(reports, "inbound-rtp", "audio").map(a -> a.path("packetsReceived").asLong())
                .orElse(0L);
        String codec = stream(reports).filter(r -> r.path("id").asText().equals(video.path("codecId").asText()))
                .map(r -> r.path("mimeType").asText()).findFirst().orElse("");
        Optional<JsonNode> outbound = find(reports, "outbound-rtp", "video");
        return new WebRtcSideStats(video.path("timestamp").asDouble(), video.path("framesDecoded").asLong(),
                video.path("frameWidth").asInt(), video.path("frameHeight").asInt(),
                video.path("bytesReceived").asLong(), audioPackets, codec,
                outbound.map(o -> o.path("encoderImplementation").asText()).orElse(""),
                outbound.map(o -> o.path("qualityLimitationReason").asText()).orElse(""));
    }

    /** What arrived between {@code earlier} and this moment. */
    ReceivedVideo receivedSince(WebRtcSideStats earlier) {
        double seconds = (timestampMillis - earlier.timestampMillis) / 1000;
        if (seconds <= 0) {
            throw new IllegalArgumentException("the later stats are not later: " + earlier + " then " + this);
        }
        return new ReceivedVideo(frameWidth, frameHeight, (framesDecoded - earlier.framesDecoded) / seconds,
                (videoBytesReceived - earlier.videoBytesReceived) * 8 / seconds / 1000,
                audioPacketsReceived - earlier.audioPacketsReceived);
    }

    private static Optional<JsonNode> find(JsonNode reports, String type, String kind) {
        return stream(reports).filter(r -> r.path("type").asText().equals(type))
                .filter(r -> r.path("kind").asText().equals(kind)).findFirst();
    }

    private static Stream<JsonNode> stream(JsonNode reports) {
        return StreamSupport.stream(reports.spliterator(), false);
    }
}
