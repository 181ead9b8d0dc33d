package dev.confab.bench.calls;

import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.calls.CallSettings;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.client.core.presence.Presence;
import dev.confab.client.core.store.Profile;
import dev.confab.media.call.CallStatistics;
import dev.confab.media.transport.LoopbackCall;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.TestPatternDriver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One Confab client in its own JVM, driven line by line over stdin by {@link CallPeer}; each command is answered with
 * one line on stdout ({@code ok ...}, or {@code error ...}). Times are {@link System#nanoTime()}, which on Linux is
 * the machine's monotonic clock and so comparable between the two peers' JVMs. Arguments: server URL, profile
 * directory, username, then options: {@code warm-up} to run the app's start-up warm-up ({@link LoopbackCall#warmUp})
 * before going live, {@code max-bitrate=BITS_PER_SECOND} to cap what its calls send. Commands:
 * <ul>
 * <li>{@code befriend-request NAME}, {@code befriend-accept NAME}, {@code await-online USERID}: become contacts</li>
 * <li>{@code answer-with WAV [RECORDING]}: from now on answer every incoming call at once, sending {@code WAV} (and
 * recording what it plays to {@code RECORDING}; without it, nothing is played)</li>
 * <li>{@code answer-through MICROPHONE SPEAKER}: from now on answer every incoming call at once, through those sound
 * devices (as {@link dev.confab.media.audio.device.AudioDevices} names them)</li>
 * <li>{@code last-answered}: {@code ok RING_NANOS ANSWER_NANOS} of the last call answered (waits for it)</li>
 * <li>{@code call USERID WAV|- RECORDING}: place a call sending {@code WAV} (or nothing), record what it plays, and
 * reply {@code ok PLACED_NANOS FIRST_FRAME_NANOS} once its playout took the first frame of received audio</li>
 * <li>{@code call-through USERID MICROPHONE SPEAKER}: the same through those sound devices</li>
 * <li>{@code camera WIDTH HEIGHT FPS}: from now on send the test-pattern camera in that mode in every call placed or
 * answered, and show the peer's pictures in a {@link StampedPictures} (without this command calls carry audio
 * only)</li>
 * <li>{@code video-counts}: {@code ok NOW_NANOS SHOWN WIDTH HEIGHT AUDIO_PACKETS VIDEO_BYTES_SENT FRAMES_ENCODED
 * VIDEO_BITRATE}: the peer's pictures shown so far and the last one's size, and from the current call's statistics
 * the audio packets received, the video RTP bytes sent (headers included), the frames encoded and the video encoder's
 * target bit/s</li>
 * <li>{@code latency-start}: start collecting glass-to-glass times afresh; {@code latency-samples}: {@code ok
 * UNSTAMPED MILLIS...} since then ({@link StampedPictures#samples})</li>
 * <li>{@code hang-up}: end the current call and wait until this side has ended it</li>
 * <li>{@code await-idle}: wait until this side is in no call</li>
 * <li>{@code cpu}: {@code ok CPU_NANOS NOW_NANOS}, this process's CPU time</li>
 * <li>{@code busiest-threads N}: the {@code N} threads that used the most CPU between the last two {@code cpu}
 * commands, as {@code name=milliseconds} (spaces in names as {@code _})</li>
 * </ul>
 * Single-threaded: the main thread reads commands; the client's event thread answers calls; the decoder thread shows
 * pictures.
 */
public final class CallPeerMain {
    /** The option that caps a call's send bitrate: {@code max-bitrate=BITS_PER_SECOND}. */
    static final String MAX_BITRATE = "max-bitrate=";

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration AUDIO_WAIT = Duration.ofSeconds(10);
    static final String PASSWORD = "correct horse battery 42";

    private final ConfabClient client;
    private final BlockingQueue<long[]> answered = new LinkedBlockingQueue<>();
    private volatile CallAudio answerAudio = new CallAudio.Files(null, null);
    private volatile Optional<CallVideo> video = Optional.empty();
    private volatile StampedPictures pictures;
    private Map<String, Long> previousThreads = Map.of();
    private Map<String, Long> lastThreads = Map.of();

    private CallPeerMain(ConfabClient client) {
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args).subList(3, args.length);
        if (options.contains("warm-up")) {
            LoopbackCall.warmUp();
        }
        CallSettings calls = CallSettings.defaults().withLoopback(true).withWarmUp(false);
        for (String option : options) {
            if (option.startsWith(MAX_BITRATE)) {
                calls = calls.withMaxSendBitrate(Long.parseLong(option.substring(MAX_BITRATE.length())));
            }
        }
        ConfabClient client = ConfabClient.open(ClientConfig.builder(new Profile(Path.of(args[1])))
                .serverUrl(args[0]).calls(calls).build());
        client.account().register(args[2], PASSWORD, null);
        client.start();
        CallPeerMain peer = new CallPeerMain(client);
        client.calls().addObserver(peer.answerer());
        System.out.println("ok " + client.account().require().userId());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String reply;
            try {
                reply = "ok" + peer.run(line.strip().split(" "));
            } catch (Exception e) {
                reply = "error " + e.toString().replace('\n', ' ');
            }
            System.out.println(reply);
        }
        client.close();
        System.exit(0);
    }

    private String run(String[] command) throws Exception {
        return switch (command[0]) {
            case "befriend-request" -> {
                client.contacts().add(command[1], "bench");
                yield "";
            }
            case "befriend-accept" -> {
                await(() -> client.contacts().requests().incoming().stream()
                        .anyMatch(r -> r.from().username().equals(command[1])));
                client.contacts().accept(command[1]);
                yield "";
            }
            case "await-online" -> {
                await(() -> client.contacts().byId(command[1]).map(c -> c.presence() == Presence.ONLINE)
                        .orElse(false));
                yield "";
            }
            case "answer-with" -> {
                answerAudio = new CallAudio.Files(Path.of(command[1]), command.length > 2 ? Path.of(command[2]) : null);
                yield "";
            }
            case "answer-through" -> {
                answerAudio = new CallAudio.Devices(command[1], command[2]);
                yield "";
            }
            case "last-answered" -> {
                long[] times = answered.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                if (times == null) {
                    throw new TimeoutException("no call answered");
                }
                yield " " + times[0] + " " + times[1];
            }
            case "camera" -> {
                pictures = new StampedPictures(Clock.systemUTC());
                video = Optional.of(new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), CameraMode.of(
                        Integer.parseInt(command[1]), Integer.parseInt(command[2]), Integer.parseInt(command[3])),
                        pictures));
                yield "";
            }
            case "video-counts" -> videoCounts();
            case "latency-start" -> {
                pictures().startSamples();
                yield "";
            }
            case "latency-samples" -> " " + pictures().samples();
            case "call" -> call(command[1], new CallAudio.Files(command[2].equals("-") ? null : Path.of(command[2]),
                    Path.of(command[3])));
            case "call-through" -> call(command[1], new CallAudio.Devices(command[2], command[3]));
            case "hang-up" -> {
                Call call = client.calls().current().orElseThrow();
                call.hangUp().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                await(() -> client.calls().current().isEmpty());
                yield "";
            }
            case "await-idle" -> {
                await(() -> client.calls().current().isEmpty());
                yield "";
            }
            case "cpu" -> {
                previousThreads = lastThreads;
                lastThreads = threadCpu();
                yield " " + ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime() + " " + System.nanoTime();
            }
            case "busiest-threads" -> busiestThreads(Integer.parseInt(command[1]));
            default -> throw new IllegalArgumentException("unknown command " + command[0]);
        };
    }

    /** Places the call and polls (every 0.2 ms) until the caller's playout took a frame of received audio. */
    private String call(String peerUserId, CallAudio audio) throws Exception {
        long placed = System.nanoTime();
        Call call = video.isPresent() ? client.calls().place(peerUserId, audio, video.get())
                : client.calls().place(peerUserId, audio);
        long deadline = placed + AUDIO_WAIT.toNanos();
        while (call.statistics().map(CallStatistics::framesPlayed).orElse(0L) == 0) {
            if (System.nanoTime() > deadline || call.state() == CallState.ENDED) {
                throw new TimeoutException("no audio heard; the call is " + call.state() + " "
                        + call.end().map(Object::toString).orElse("") + ", its media "
                        + call.statistics().map(CallStatistics::toString).orElse("not set up"));
            }
            TimeUnit.MICROSECONDS.sleep(200);
        }
        return " " + placed + " " + System.nanoTime();
    }

    private StampedPictures pictures() {
        if (pictures == null) {
            throw new IllegalStateException("no camera command yet: this peer's calls carry no video");
        }
        return pictures;
    }

    private String videoCounts() {
        long now = System.nanoTime();
        CallStatistics statistics = client.calls().current().orElseThrow().statistics()
                .orElseThrow(() -> new IllegalStateException("the call's media is not set up"));
        return " " + now + " " + pictures().counts() + " " + statistics.packetsReceived() + " "
                + statistics.videoSent().bytesSent() + " " + statistics.videoSent().framesEncoded() + " "
                + statistics.videoSendBitrate();
    }

    /** Each live thread's CPU time so far, by name and id. */
    private static Map<String, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                cpu.put(info.getThreadName().replace(' ', '_') + "#" + info.getThreadId(),
                        threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    private String busiestThreads(int count) {
        StringBuilder reply = new StringBuilder();
        lastThreads.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - previousThreads.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(count)
                .forEach(e -> reply.append(' ').append(e.getKey().replaceAll("#\\d+$", "")).append('=')
                        .append(e.getValue() / 1_000_000));
        return reply.toString();
    }

    /** Answers each incoming call at once, off the event thread, noting when it rang and when it was answered. */
    private CallObserver answerer() {
        return new CallObserver() {
            @Override
            public void onCallState(Call call, CallState state) {
                if (state != CallState.INCOMING) {
                    return;
                }
                long ring = System.nanoTime();
                CallAudio audio = answerAudio;
                Thread.ofPlatform().start(() -> {
                    long answer = System.nanoTime();
                    video.ifPresentOrElse(v -> call.answer(audio, v), () -> call.answer(audio));
                    answered.add(new long[] {ring, answer});
                });
            }
        };
    }

    private static void await(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("condition not met within " + WAIT);
            }
            Thread.sleep(5);
        }
    }
}
