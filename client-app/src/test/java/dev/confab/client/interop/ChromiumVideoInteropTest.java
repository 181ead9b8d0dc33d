package dev.confab.client.interop;

import static dev.confab.client.interop.ChromiumContact.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.core.calls.BindingPolicy;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.media.call.CallStatistics;
import dev.confab.media.call.MediaPath;
import dev.confab.media.call.VideoSendStats;
import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.TestPatternDriver;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.testkit.ChromiumOptions;
import dev.confab.testkit.net.ReceiveLoss;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Video calls between Confab and headless Chromium through the real signaling server, in both offer directions:
 * Confab sends its test-pattern camera, Chromium its fake camera, both at 640x480 and 30 frames a second, VP8 both
 * ways. Once connected, every 30th datagram arriving at either side is lost ({@link ReceiveLoss}), so each side must
 * ask for what it lost with NACKs and the other must resend it (RTX). Each side must have decoded the other's pictures
 * (Confab's at 640x480; Chromium's at the size its encoder chose, 640x480 or a 4:3 step below it as its bandwidth
 * estimate allows); a PLI from Confab must bring a key frame from Chromium, and each of Chromium's key frame requests
 * (after its media went dark for 3.5 s, when what came next could not be decoded) must bring one from Confab; after the
 * dark Chromium must decode again.
 */
class ChromiumVideoInteropTest {
    private static final FrameSize VGA = new FrameSize(640, 480);
    /** Longer than Chromium's receiver waits for a decodable frame before it asks for a key frame (3 s). */
    private static final Duration DARK = Duration.ofMillis(3_500);

    private static ChromiumContact peers;

    @BeforeAll
    static void confabAndABrowserUserWithCameras() throws Exception {
        peers = ChromiumContact.start(ChromiumOptions.DEFAULTS.withExtraFlags(List.of(
                "--autoplay-policy=no-user-gesture-required", "--use-fake-device-for-media-stream=fps=30")));
        JsonNode camera = peers.chromium().evaluate("return await openCamera(640, 480, 30);");
        assertThat(camera.path("settings").path("width").asInt()).as(camera.toString()).isEqualTo(640);
    }

    @AfterEach
    void hangUpOnBothSides() {
        peers.chromium().evaluate("if (call) { await hangUp(); }");
        peers.confab().calls().current().ifPresent(Call::hangUp);
    }

    @AfterAll
    static void closeAll() throws Exception {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void confabOffersVideoAndBothSidesSeeEachOther() throws Exception {
        Shown shown = new Shown();
        Call call = peers.confab().calls().place(peers.browserUserId(), new CallAudio.Silent(), video(shown),
                BindingPolicy.UNSIGNED_BROWSER_PEER);
        JsonNode answered = peers.chromium().evaluate("return await answerNextCall();");
        assertThat(answered.path("answer").asText()).contains("m=video", "VP8/90000");
        assertBothSeeEachOther(call, shown, "Confab offers");
    }

    @Test
    void chromiumOffersVideoAndBothSidesSeeEachOther() throws Exception {
        Shown shown = new Shown();
        peers.confab().calls().allowUnsignedBrowserCall(peers.browserUserId());
        peers.chromium().evaluate("return await callConfab(args[0]);", peers.confabUserId());
        eventually().until(() -> peers.confab().calls().current().map(c -> c.state() == CallState.INCOMING)
                .orElse(false));
        Call call = peers.confab().calls().current().orElseThrow();
        assertThat(call.media()).hasToString("VIDEO");
        call.answer(new CallAudio.Silent(), video(shown));
        assertBothSeeEachOther(call, shown, "Chromium offers");
    }

    private static CallVideo video(Shown shown) {
        return new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), CameraMode.of(640, 480, 30), shown);
    }

    /**
     * Loses every 30th datagram each way while waiting for 150 pictures each way (5 s), asks Chromium for a key frame,
     * and checks what both sides' statistics say: pictures decoded at their sizes, losses asked for and resent both
     * ways, the PLI answered with a key frame, every packet authenticated.
     */
    private static void assertBothSeeEachOther(Call call, Shown shown, String direction) throws Exception {
        eventually().until(() -> call.state() == CallState.CONNECTED);
        // Both ports as the selected pair names them, once both sides agree on it (the controlling side may nominate
        // another pair than the first one that worked): where Confab receives, and where it sends to Chromium.
        eventually().until(() -> call.statistics().flatMap(CallStatistics::path)
                .filter(p -> chromiumPairLocal().endsWith(":" + p.remoteAddress().getPort())).isPresent());
        // The loss applies to every candidate's port of both sides, not only the selected pair's: Chromium, when it
        // controls, may still move the media to another pair (a CI run's selected pair got no loss at all).
        MediaPath path = call.statistics().orElseThrow().path().orElseThrow();
        JsonNode transport = peers.chromium().evaluate("return await transportStats();");
        JsonNode ports = transport.path("ports");
        List<InetSocketAddress> confabPorts = portsOf(ports.path("remote"));
        List<InetSocketAddress> chromiumPorts = portsOf(ports.path("local"));
        assertThat(confabPorts).as("Confab's candidates' ports")
                .contains(new InetSocketAddress(path.localAddress().getPort()));
        assertThat(chromiumPorts).as("Chromium's candidates' ports")
                .contains(new InetSocketAddress(path.remoteAddress().getPort()));
        JsonNode atChromium;
        System.out.println(direction + ": losing every 30th datagram to Confab's ports " + ports.path("remote")
                + " and Chromium's " + ports.path("local") + " (the pair: " + path.localAddress() + " - "
                + transport.path("pair").path("local").asText() + ")");
        List<InetSocketAddress> everyPort = new ArrayList<>(confabPorts);
        everyPort.addAll(chromiumPorts);
        try (ReceiveLoss loss = ReceiveLoss.everyNth(30, everyPort)) {
            atChromium = peers.chromium().evaluate("return await waitForVideoFrames(args[0]);", 150);
            eventually().until(() -> shown.frames.get() >= 150);
        }
        // Chromium's media goes dark (ICE still answered) for longer than its receiver waits for a decodable frame and
        // than Confab keeps packets to resend. Chromium asks for a key frame (PLI) if what comes after cannot be
        // decoded; often it need not, as Confab's estimate falls with the dark and its encoder's next step (a smaller
        // picture) starts with a key frame anyway. Every request it made must have been answered.
        long decodedBeforeDark = peers.chromium().evaluate("return await videoStats();").path("inbound")
                .path("framesDecoded").asLong();
        try (ReceiveLoss dark = ReceiveLoss.allMedia(chromiumPorts)) {
            long from = System.nanoTime();
            eventually().until(() -> System.nanoTime() - from > DARK.toNanos());
        }
        eventually().until(() -> peers.chromium().evaluate("return await videoStats();").path("inbound")
                .path("framesDecoded").asLong() > decodedBeforeDark + 30);
        VideoSendStats sent = call.statistics().orElseThrow().videoSent();
        long answered = sent.keyFrameRequests() - sent.keyFrameRequestsIgnored();
        assertThat(sent.keyFrames()).as("key frames: the first, and one for each request taken: " + sent)
                .isGreaterThanOrEqualTo(1 + Math.min(1, answered));

        JsonNode before = peers.chromium().evaluate("return await videoStats();");
        call.requestKeyFrame();
        eventually().until(() -> peers.chromium().evaluate("return await videoStats();").path("outbound")
                .path("keyFramesEncoded").asLong() > before.path("outbound").path("keyFramesEncoded").asLong());
        JsonNode after = peers.chromium().evaluate("return await videoStats();");
        CallStatistics confab = call.statistics().orElseThrow();
        System.out.printf("%s: Chromium %s; Confab sent %s, received %s, pictures %s%n", direction, after,
                confab.videoSent(), confab.videoReceived(), shown.sizes);

        JsonNode inbound = atChromium.path("inbound");
        assertThat(inbound.path("frameWidth").asInt()).as(inbound.toString()).isEqualTo(640);
        assertThat(inbound.path("frameHeight").asInt()).as(inbound.toString()).isEqualTo(480);
        assertThat(shown.sizes).as("the sizes of Chromium's pictures at Confab").isNotEmpty()
                .allSatisfy(size -> assertThat(size.width() * 3).isEqualTo(size.height() * 4))
                .allSatisfy(size -> assertThat(size.width()).isBetween(160, VGA.width()));
        JsonNode chromiumIn = after.path("inbound");
        JsonNode chromiumOut = after.path("outbound");
        assertThat(chromiumIn.path("nackCount").asLong()).as("NACKs Chromium sent: " + after).isPositive();
        assertThat(confab.videoSent().retransmissions()).as("Confab resent: " + confab.videoSent()).isPositive();
        assertThat(chromiumIn.path("retransmittedPacketsReceived").asLong()).as(after.toString()).isPositive();
        assertThat(confab.videoReceived().nackPacketsSent()).as("NACKs Confab sent").isPositive();
        assertThat(chromiumOut.path("nackCount").asLong()).as("NACKs Chromium received: " + after).isPositive();
        assertThat(chromiumOut.path("retransmittedPacketsSent").asLong()).as(after.toString()).isPositive();
        assertThat(confab.videoReceived().packetsRestored()).as("RTX restored at Confab").isPositive();
        assertThat(chromiumOut.path("pliCount").asLong()).as("PLIs Chromium received: " + after)
                .isGreaterThan(before.path("outbound").path("pliCount").asLong());
        assertThat(confab.videoReceived().keyFramesReceived()).isGreaterThanOrEqualTo(2);
        assertThat(confab.videoReceived().framesUndecodable()).as(confab.videoReceived().toString()).isZero();
        assertThat(confab.srtpFailed()).isZero();
    }

    /** The ports in a JSON array, as wildcard addresses ({@link ReceiveLoss} goes by port). */
    private static List<InetSocketAddress> portsOf(JsonNode array) {
        List<InetSocketAddress> ports = new ArrayList<>();
        array.forEach(port -> ports.add(new InetSocketAddress(port.asInt())));
        return ports;
    }

    /** Chromium's end of its selected candidate pair, {@code address:port}. */
    private static String chromiumPairLocal() {
        return peers.chromium().evaluate("return await transportStats();").path("pair").path("local").asText();
    }

    /** Counts Confab's pictures of Chromium's camera and notes their sizes. */
    private static final class Shown implements VideoFrameSink {
        final AtomicLong frames = new AtomicLong();
        final Set<FrameSize> sizes = ConcurrentHashMap.newKeySet();

        @Override
        public void show(dev.confab.media.video.frame.I420Frame frame, long rtpTimestamp) {
            sizes.add(frame.size());
            frames.incrementAndGet();
        }
    }
}
