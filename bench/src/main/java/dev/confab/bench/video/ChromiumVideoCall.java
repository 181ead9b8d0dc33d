package dev.confab.bench.video;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.bench.BrowserCpu;
import dev.confab.testkit.Chromium;
import dev.confab.testkit.ChromiumOptions;
import dev.confab.testkit.TestPageServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chromium's side of the video call comparison: two {@code RTCPeerConnection}s in one page of headless Chromium
 * ({@code chromium-video-call.html}) call each other on loopback, each sending the fake microphone (Chromium's beep)
 * and the fake camera at the planned size and frame rate ({@code --use-fake-device-for-media-stream=fps=N}: the fake
 * camera otherwise delivers 20 fps), VP8 only, video capped at the planned bitrate; the browser's CPU (all its
 * processes) is counted over the planned time, and each side's received video read from {@code getStats()}.
 *
 * <p>Thread contract: one thread calls {@link #measure}; each call launches and closes its own browser.
 */
public final class ChromiumVideoCall implements VideoCallCpuMeasurement {

    @Override
    public VideoCallCpu measure(VideoCallPlan plan) throws InterruptedException {
        try (TestPageServer pages = TestPageServer.start();
                Chromium chromium = Chromium.launch(ChromiumOptions.DEFAULTS.withExtraFlags(List.of(
                        "--autoplay-policy=no-user-gesture-required",
                        "--use-fake-device-for-media-stream=fps=" + plan.frameRate())))) {
            chromium.navigate(pages.putResource(ChromiumVideoCall.class, "chromium-video-call.html"));
            JsonNode camera = chromium.evaluate("return await startCall(args[0], args[1], args[2], args[3]);",
                    plan.size().width(), plan.size().height(), plan.frameRate(), plan.videoBitrate());
            try {
                Thread.sleep(plan.warmUp().toMillis());
                BrowserCpu cpu = BrowserCpu.of(chromium.dir());
                JsonNode before = chromium.evaluate("return await stats();");
                BrowserCpu.Reading start = cpu.read();
                Thread.sleep(plan.counted().toMillis());
                double percent = cpu.read().percentOfCoreSince(start);
                JsonNode after = chromium.evaluate("return await stats();");
                List<ReceivedVideo> received = new ArrayList<>();
                List<String> senders = new ArrayList<>();
                for (String side : List.of("caller", "callee")) {
                    WebRtcSideStats end = WebRtcSideStats.parse(after.path(side));
                    if (!end.receivedCodec().equals("video/VP8")) {
                        throw new IllegalStateException("Chromium's " + side + " receives " + end.receivedCodec()
                                + ", not VP8");
                    }
                    received.add(end.receivedSince(WebRtcSideStats.parse(before.path(side))));
                    senders.add(side + " receives " + end.receivedCodec() + ", sends with "
                            + end.encoderImplementation() + " (quality limited by: " + end.qualityLimitation() + ")");
                }
                checkCarried(received);
                return new VideoCallCpu("Chromium " + chromium.browserVersion()
                        + ", two peer connections in one browser", percent, received, note(plan, camera, senders));
            } finally {
                chromium.evaluate("hangUp(); return true;");
            }
        }
    }

    private static void checkCarried(List<ReceivedVideo> received) {
        for (ReceivedVideo side : received) {
            if (side.framesPerSecond() <= 0 || side.audioPackets() <= 0) {
                throw new IllegalStateException("Chromium's call did not carry audio and video both ways: "
                        + received);
            }
        }
    }

    private static String note(VideoCallPlan plan, JsonNode camera, List<String> senders) {
        return String.format(Locale.ROOT, "Chromium: the fake camera (--use-fake-device-for-media-stream=fps=%d,"
                        + " getUserMedia asking for exactly %dx%d at %d fps) reported %sx%s at %s fps; VP8 forced with"
                        + " setCodecPreferences, each sender's video capped at %d kbit/s (encodings maxBitrate),"
                        + " Chromium's fake beep as the microphone; each side plays what it receives through a muted"
                        + " video element and an audio element; %s. CPU: all the browser's processes (/proc) over %d s"
                        + " after %d s of the established call.", plan.frameRate(), plan.size().width(),
                plan.size().height(), plan.frameRate(), camera.path("width").asText(), camera.path("height").asText(),
                camera.path("frameRate").asText(), plan.videoBitrate() / 1000, String.join("; ", senders),
                plan.counted().toSeconds(), plan.warmUp().toSeconds());
    }
}
