package dev.confab.bench.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WebRtcSideStatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reports that matter from one Chromium 156 getStats(), with a few of their fields. */
    private static JsonNode reports(double timestamp, long frames, long bytes, long audioPackets) throws Exception {
        return JSON.readTree("""
                [{"type": "codec", "id": "CIT01_96", "mimeType": "video/VP8", "payloadType": 96},
                 {"type": "codec", "id": "CIT01_111", "mimeType": "audio/opus", "payloadType": 111},
                 {"type": "inbound-rtp", "kind": "audio", "id": "IT01A", "codecId": "CIT01_111",
                  "packetsReceived": %d, "timestamp": %s},
                 {"type": "inbound-rtp", "kind": "video", "id": "IT01V", "codecId": "CIT01_96", "timestamp": %s,
                  "framesDecoded": %d, "frameWidth": 640, "frameHeight": 480, "framesPerSecond": 30,
                  "bytesReceived": %d},
                 {"type": "outbound-rtp", "kind": "video", "id": "OT01V", "encoderImplementation": "libvpx",
                  "qualityLimitationReason": "none"}]
                """.formatted(audioPackets, timestamp, timestamp, frames, bytes));
    }

    @Test
    void theInboundVideoAudioAndOutboundEncoderAreRead() throws Exception {
        assertThat(WebRtcSideStats.parse(reports(1000.5, 90, 125_000, 150))).isEqualTo(new WebRtcSideStats(1000.5,
                90, 640, 480, 125_000, 150, "video/VP8", "libvpx", "none"));
    }

    @Test
    void receivedVideoIsTheDifferenceOverTheTimeBetween() throws Exception {
        WebRtcSideStats earlier = WebRtcSideStats.parse(reports(1000, 90, 125_000, 150));
        WebRtcSideStats later = WebRtcSideStats.parse(reports(3000, 150, 375_000, 250));
        assertThat(later.receivedSince(earlier)).isEqualTo(new ReceivedVideo(640, 480, 30.0, 1000.0, 100));
    }

    @Test
    void statsWithoutInboundVideoAreRefused() throws Exception {
        assertThatThrownBy(() -> WebRtcSideStats.parse(JSON.readTree("[{\"type\": \"inbound-rtp\", \"kind\":"
                + " \"audio\"}]"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("no inbound video");
    }
}
