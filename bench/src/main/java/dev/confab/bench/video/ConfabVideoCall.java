package dev.confab.bench.video;

import dev.confab.bench.calls.CallPeer;
import dev.confab.bench.calls.CallPeerPair;
import dev.confab.media.rtp.cc.BitrateAllocator;
import dev.confab.bench.calls.Voices;
import dev.confab.testkit.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Confab's side of the video call comparison: two Confab clients, each in its own fresh JVM ({@link CallPeerPair}),
 * through Confab's server in a third, as contacts; the caller calls the callee on loopback, both sending the
 * test-pattern camera in the planned mode and speech from a WAV file, each recording the sound it plays and handing the pictures it
 * decodes to a sink that counts them and reads their stamps. Each client JVM's process CPU is counted over the planned
 * time after the warm-up, and so are the glass-to-glass times of the pictures shown meanwhile ({@link #glassToGlass}).
 *
 * <p>Thread contract: one thread calls {@link #measure} and then {@link #glassToGlass}; each call of {@link #measure}
 * starts and stops its own server and clients.
 */
public final class ConfabVideoCall implements VideoCallCpuMeasurement {
    private static final int BUSIEST_THREADS = 6;
    private static final Duration FIRST_PICTURE_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Speech lasts this much longer than the warm-up and counted time together, for the call's set-up. */
    private static final int SPEECH_SLACK_SECONDS = 30;

    private List<GlassToGlass> glassToGlass = List.of();

    @Override
    public VideoCallCpu measure(VideoCallPlan plan) throws Exception {
        try (ServerProcess server = ServerProcess.builder().jvmOptions(List.of("-Xmx1g")).build().start()) {
            Path profiles = Files.createDirectories(server.dataDir().resolve("bench-profiles"));
            int talkSeconds = (int) plan.warmUp().plus(plan.counted()).toSeconds() + SPEECH_SLACK_SECONDS;
            Path callerVoice = Voices.speech(profiles.resolve("caller.wav"), "The quick brown fox jumps over the lazy"
                    + " dog. Pack my box with five dozen liquor jugs.", talkSeconds);
            Path calleeVoice = Voices.speech(profiles.resolve("callee.wav"), "How vexingly quick daft zebras jump."
                    + " Sphinx of black quartz, judge my vow.", talkSeconds);
            // The plan caps the video; Confab's setting caps audio and video together, audio's share first.
            long maxSendBitrate = plan.videoBitrate() + BitrateAllocator.DEFAULT_AUDIO_BPS;
            try (CallPeerPair pair = CallPeerPair.open(server.baseUrl(), profiles, 1, true, maxSendBitrate,
                    CallPeer.DEFAULT_JVM_OPTIONS)) {
                String camera = "camera " + plan.size().width() + " " + plan.size().height() + " " + plan.frameRate();
                pair.caller().send(camera);
                pair.callee().send(camera);
                pair.callee().send("answer-with " + calleeVoice + " " + profiles.resolve("callee-heard.wav"));
                pair.caller().send("call " + pair.callee().userId() + " " + callerVoice + " "
                        + profiles.resolve("caller-heard.wav"));
                pair.callee().send("last-answered");
                awaitPicture(pair.caller());
                awaitPicture(pair.callee());
                Thread.sleep(plan.warmUp().toMillis());
                VideoCallCpu cpu = count(pair, plan);
                pair.caller().send("hang-up");
                return cpu;
            }
        }
    }

    /** The glass-to-glass times of the last {@link #measure}, caller to callee and back; none before one. */
    public List<GlassToGlass> glassToGlass() {
        return glassToGlass;
    }

    private VideoCallCpu count(CallPeerPair pair, VideoCallPlan plan) throws InterruptedException {
        long[] callerCpuStart = pair.caller().sendForTimes("cpu");
        long[] calleeCpuStart = pair.callee().sendForTimes("cpu");
        VideoCounts callerStart = counts(pair.caller());
        VideoCounts calleeStart = counts(pair.callee());
        pair.caller().send("latency-start");
        pair.callee().send("latency-start");
        Thread.sleep(plan.counted().toMillis());
        long[] callerCpuEnd = pair.caller().sendForTimes("cpu");
        long[] calleeCpuEnd = pair.callee().sendForTimes("cpu");
        VideoCounts callerEnd = counts(pair.caller());
        VideoCounts calleeEnd = counts(pair.callee());
        glassToGlass = List.of(
                GlassToGlass.parse("caller to callee", pair.callee().send("latency-samples")),
                GlassToGlass.parse("callee to caller", pair.caller().send("latency-samples")));
        String callerThreads = String.join(" ", pair.caller().send("busiest-threads " + BUSIEST_THREADS));
        String calleeThreads = String.join(" ", pair.callee().send("busiest-threads " + BUSIEST_THREADS));
        List<ReceivedVideo> received = List.of(
                callerEnd.receivedSince(callerStart, calleeStart, calleeEnd),
                calleeEnd.receivedSince(calleeStart, callerStart, callerEnd));
        for (ReceivedVideo side : received) {
            if (side.framesPerSecond() <= 0 || side.audioPackets() <= 0) {
                throw new IllegalStateException("Confab's call did not carry audio and video both ways: " + received);
            }
        }
        double callerPercent = percentOfCore(callerCpuStart, callerCpuEnd);
        double calleePercent = percentOfCore(calleeCpuStart, calleeCpuEnd);
        return new VideoCallCpu("Confab, two client JVMs", callerPercent + calleePercent, received,
                note(plan, callerPercent, calleePercent, callerEnd, calleeEnd, callerThreads, calleeThreads));
    }

    private static VideoCounts counts(CallPeer peer) {
        return VideoCounts.parse(peer.send("video-counts"));
    }

    /** Waits until {@code peer} has shown a picture of the other's camera. */
    private static void awaitPicture(CallPeer peer) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + FIRST_PICTURE_WAIT.toNanos();
        while (counts(peer).picturesShown() == 0) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no picture shown within " + FIRST_PICTURE_WAIT);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** A {@code cpu} reply pair's process CPU time over its wall time, as a percentage of one core. */
    private static double percentOfCore(long[] start, long[] end) {
        return 100.0 * (end[0] - start[0]) / (end[1] - start[1]);
    }

    private static String note(VideoCallPlan plan, double callerPercent, double calleePercent, VideoCounts caller,
            VideoCounts callee, String callerThreads, String calleeThreads) {
        return String.format(Locale.ROOT, "Confab: two clients, each in its own fresh JVM (-Xmx512m, with the"
                        + " app's start-up warm-up), registered as contacts through Confab's server in a third JVM;"
                        + " the caller calls the callee on loopback. Both send Confab's test-pattern camera asked for"
                        + " %dx%d at %d fps, VP8, and espeak-ng speech from a WAV file as the microphone in real time,"
                        + " and record what they play to a WAV file; the pictures each decodes go to a sink that"
                        + " counts them and reads their stamps (no display, no colour conversion). The video is capped"
                        + " like Chromium's: each client's send bitrate at the plan's %d kbit/s of video plus audio's"
                        + " share (encoder target at the end: caller %d, callee %d kbit/s); video kbit/s received is"
                        + " the RTP bytes the peer sent, headers included (Chromium's: payload bytes). CPU: each client JVM's process"
                        + " CPU time over %d s after %d s of the established call (the server carries no media and is"
                        + " not counted): caller %.1f%%, callee %.1f%% of one core; their busiest threads (ms):"
                        + " caller %s; callee %s.",
                plan.size().width(), plan.size().height(), plan.frameRate(), plan.videoBitrate() / 1000,
                caller.videoBitrate() / 1000, callee.videoBitrate() / 1000, plan.counted().toSeconds(),
                plan.warmUp().toSeconds(), callerPercent, calleePercent, callerThreads, calleeThreads);
    }
}
