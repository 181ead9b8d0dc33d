package dev.confab.bench.desktop;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.media.call.CallStatistics;
import dev.confab.media.video.capture.TestPatternDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The running app in a video call: a contact of the app's user (a client in this JVM, the test-pattern camera, no
 * sound) calls her at {@link CallVideo#DEFAULT_MODE}; the app's incoming-call window is answered with video by its V
 * key, typed through {@link XdoTool}; once the contact sees the call connected and the app's pictures arriving, and
 * the app shows its call window, the app's resident memory and CPU time are read each second. Stateless; one call
 * per {@link #measure}, on the benchmark's thread.
 */
final class VideoCallLoad {
    /** The incoming-call window's title, "NAME is calling". */
    static final String INCOMING_TITLE = " is calling$";
    /** The call window's title, "Call with NAME". */
    static final String CALL_TITLE = "^Call with ";
    private static final Duration RING_LIMIT = Duration.ofSeconds(30);
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(5);
    private static final int ANSWER_ATTEMPTS = 3;
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(30);
    private static final long FRAMES_BEFORE_COUNTING = 30;
    private static final int BUSIEST_THREADS = 8;

    private VideoCallLoad() {
    }

    /**
     * What was read over the counted time of one call.
     *
     * @param rssMiB            the app's resident memory, once a second
     * @param cpuPercent        the app's CPU time in each of those seconds, % of one core
     * @param meanCpuPercent    its CPU time over the whole counted time, % of one core
     * @param contactFps        pictures the contact received from the app per second (its sink)
     * @param contactSentFps    pictures the contact encoded and sent to the app per second
     * @param answerAttempts    V keys typed until the app answered
     * @param busiestThreads    the app's threads that used the most CPU over the counted time, "name=ms"
     */
    record Result(List<Double> rssMiB, List<Double> cpuPercent, double meanCpuPercent, double contactFps,
            double contactSentFps, int answerAttempts, List<String> busiestThreads) {
        Result {
            rssMiB = List.copyOf(rssMiB);
            cpuPercent = List.copyOf(cpuPercent);
            busiestThreads = List.copyOf(busiestThreads);
        }
    }

    /** Calls {@code calleeUsername} in {@code app} from {@code caller}, reads {@code counted} after {@code warmUp}. */
    static Result measure(AppProcess app, ConfabClient caller, String calleeUsername, XdoTool keys, Duration warmUp,
            Duration counted) throws InterruptedException {
        String callee = caller.contacts().byUsername(calleeUsername).orElseThrow().userId();
        AtomicLong received = new AtomicLong();
        CallVideo video = new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), CallVideo.DEFAULT_MODE,
                (picture, rtpTimestamp) -> received.incrementAndGet());
        Call call = caller.calls().place(callee, new CallAudio.Silent(), video);
        try {
            await(() -> keys.showing(INCOMING_TITLE), RING_LIMIT, "the app's incoming-call window", app);
            int attempts = answerWithVideo(call, keys, app);
            await(() -> call.state() == CallState.CONNECTED, CONNECT_LIMIT, "the call connected", app);
            await(() -> keys.showing(CALL_TITLE), CONNECT_LIMIT, "call window in the app", app);
            await(() -> received.get() >= FRAMES_BEFORE_COUNTING && videoPacketsSent(call) > 0, CONNECT_LIMIT,
                    "video both ways (the app's pictures at the contact, the contact's sent)", app);
            Thread.sleep(warmUp);
            return sample(app, call, received, counted, attempts);
        } finally {
            call.hangUp().join();
        }
    }

    /** Types V in the incoming-call window until the call leaves ringing; the key may land before the focus does. */
    private static int answerWithVideo(Call call, XdoTool keys, AppProcess app) {
        for (int attempt = 1; attempt <= ANSWER_ATTEMPTS; attempt++) {
            keys.pressIn(INCOMING_TITLE, "v");
            if (Waits.within(() -> call.state() != CallState.RINGING && call.state() != CallState.OUTGOING,
                    ANSWER_LIMIT, Duration.ofMillis(20))) {
                return attempt;
            }
        }
        throw new IllegalStateException("The app did not answer after " + ANSWER_ATTEMPTS + " V keys in its"
                + " incoming-call window (call " + call.state() + "); the app's log:\n" + app.tail());
    }

    private static Result sample(AppProcess app, Call call, AtomicLong received, Duration counted, int attempts) {
        long seconds = counted.toSeconds();
        long ticksPerSecond = ThreadTimes.clockTicksPerSecond();
        ThreadTimes threadsAtStart = ThreadTimes.of(app.pid(), ticksPerSecond);
        List<Double> rss = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long startNanos = System.nanoTime();
        Duration cpuAtStart = app.cpuTime();
        Duration cpuBefore = cpuAtStart;
        long receivedAtStart = received.get();
        long sentAtStart = framesEncoded(call);
        for (long i = 1; i <= seconds; i++) {
            pauseUntil(startNanos + Duration.ofSeconds(i).toNanos());
            Duration cpuNow = app.cpuTime();
            rss.add(app.rssMiB());
            cpu.add(100.0 * cpuNow.minus(cpuBefore).toNanos() / Duration.ofSeconds(1).toNanos());
            cpuBefore = cpuNow;
            if (call.state() != CallState.CONNECTED) {
                throw new IllegalStateException("The call was " + call.state() + " after " + i + " s of counting");
            }
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double meanCpu = 100.0 * app.cpuTime().minus(cpuAtStart).toNanos() / 1e9 / elapsed;
        List<String> busiest = ThreadTimes.of(app.pid(), ticksPerSecond).busiestSince(threadsAtStart,
                BUSIEST_THREADS);
        return new Result(rss, cpu, meanCpu, (received.get() - receivedAtStart) / elapsed,
                (framesEncoded(call) - sentAtStart) / elapsed, attempts, busiest);
    }

    private static long videoPacketsSent(Call call) {
        return call.statistics().map(s -> s.videoSent().packetsSent()).orElse(0L);
    }

    private static long framesEncoded(Call call) {
        return call.statistics().map(CallStatistics::videoSent).map(v -> v.framesEncoded()).orElse(0L);
    }

    private static void await(BooleanSupplier condition, Duration limit, String what, AppProcess app) {
        Waits.until(condition, limit, Duration.ofMillis(100),
                () -> "No " + what + " within " + limit.toSeconds() + " s; the app's log:\n" + app.tail());
    }

    private static void pauseUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Waits.pause(Duration.ofNanos(left));
        }
    }
}
