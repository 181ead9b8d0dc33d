package dev.confab.bench.calls;

import dev.confab.media.call.CallSessionConfig;
import dev.confab.testkit.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls between two Confab clients, each in its own fresh JVM ({@link CallPeer}), through the real server in a third,
 * on loopback: call set-up times and each client's CPU during a call.
 *
 * <p>Thread contract: one thread drives an instance; {@link #close()} stops the server and removes its data.
 */
final class ConfabCalls implements AutoCloseable {
    private static final int BUSIEST = 6;

    private final ServerProcess server;
    private final Path profiles;
    private final List<String> peerJvmOptions;
    private int pairs;
    private int failures;

    /**
     * Starts the server (production JVM defaults), with the limits lifted that the benchmark would hit and a person
     * would not: registrations from one address, and WebSocket messages per session (calls placed back to back, a few
     * a second, exceed its 120 per 10 s and are refused as too many requests). The clients' JVMs run with
     * {@code peerJvmOptions}.
     */
    ConfabCalls(List<String> peerJvmOptions) throws Exception {
        this.peerJvmOptions = List.copyOf(peerJvmOptions);
        ServerProcess.Builder builder = ServerProcess.builder().jvmOptions(List.of("-Xmx1g"));
        for (String limit : List.of("limits.register-per-address", "limits.sign-in-per-address",
                "limits.requests-per-address", "limits.requests-per-session", "limits.ws-messages-per-session")) {
            builder.set(limit, "1000000/1s");
        }
        server = builder.build().start();
        profiles = Files.createDirectories(server.dataDir().resolve("bench-profiles"));
    }

    /**
     * {@code measured} calls between a fresh pair of JVMs after {@code warmUp} unmeasured ones; the callee answers at
     * once sending {@code tone}, the caller sends nothing. A call
     * that fails is counted ({@link #failures()}), hung up and not repeated.
     */
    List<SetupTime> setUps(boolean startupWarmUp, int warmUp, int measured, Path tone) {
        List<SetupTime> times = new ArrayList<>();
        try (CallPeerPair pair = pair(startupWarmUp)) {
            pair.callee().send("answer-with " + tone);
            for (int i = 0; i < warmUp + measured; i++) {
                long[] caller;
                try {
                    caller = pair.caller().sendForTimes("call " + pair.callee().userId() + " - "
                            + profiles.resolve("heard-" + pairs + ".wav"));
                } catch (IllegalStateException e) {
                    System.out.println("A call failed: " + e.getMessage());
                    failures++;
                    pair.caller().send("hang-up");
                    pair.callee().send("await-idle");
                    continue;
                }
                long[] callee = pair.callee().sendForTimes("last-answered");
                pair.caller().send("hang-up");
                pair.callee().send("await-idle");
                if (i >= warmUp) {
                    times.add(new SetupTime((callee[0] - caller[0]) / 1e6, (caller[1] - callee[1]) / 1e6));
                }
            }
        }
        return times;
    }

    /** Calls in {@link #setUps} that brought no audio within the peer's wait (left out of the times). */
    int failures() {
        return failures;
    }

    /**
     * Each client's CPU, as a share of one core, over {@code windows} consecutive spans of {@code length} of an
     * established call (after its first 2 s) in which both send speech ({@code callerVoice}, {@code calleeVoice}, at
     * least as long) and record what they hear, one share per span, the first span first; then over one span of a
     * second call between the same two JVMs (after its first 2 s), as a running app places its later calls.
     */
    CpuRun cpu(Path callerVoice, Path calleeVoice, Duration length, int windows) throws InterruptedException {
        try (CallPeerPair pair = pair(true)) {
            pair.callee().send("answer-with " + calleeVoice);
            List<CpuShares> spans = measuredCall(pair, callerVoice, "first", length, windows);
            pair.callee().send("await-idle");
            CpuShares laterCall = measuredCall(pair, callerVoice, "second", length, 1).getFirst();
            return new CpuRun(spans, laterCall);
        }
    }

    /** One call of {@code pair}, the caller recording to a file named for the pair and {@code which} call it is. */
    private List<CpuShares> measuredCall(CallPeerPair pair, Path callerVoice, String which, Duration length,
            int windows) throws InterruptedException {
        pair.caller().send("call " + pair.callee().userId() + " " + callerVoice + " "
                + profiles.resolve("cpu-heard-" + pairs + "-" + which + ".wav"));
        pair.callee().send("last-answered");
        Thread.sleep(2000); // the first seconds of the call (jitter buffer settling, JIT) are not counted
        long[] callerStart = pair.caller().sendForTimes("cpu");
        long[] calleeStart = pair.callee().sendForTimes("cpu");
        List<CpuShares> shares = new ArrayList<>();
        for (int window = 0; window < windows; window++) {
            Thread.sleep(length.toMillis());
            long[] callerEnd = pair.caller().sendForTimes("cpu");
            long[] calleeEnd = pair.callee().sendForTimes("cpu");
            shares.add(new CpuShares(share(callerStart, callerEnd), share(calleeStart, calleeEnd),
                    String.join(" ", pair.caller().send("busiest-threads " + BUSIEST)),
                    String.join(" ", pair.callee().send("busiest-threads " + BUSIEST))));
            callerStart = callerEnd;
            calleeStart = calleeEnd;
        }
        pair.caller().send("hang-up");
        return shares;
    }

    /**
     * The caller's and the callee's CPU time as a percentage of the wall time, that is of one core, and the threads
     * that used most of it in each ({@code name=milliseconds}).
     */
    record CpuShares(double callerPercent, double calleePercent, String callerThreads, String calleeThreads) {
    }

    /** The spans of a fresh pair of JVMs' first call, and the span of their second call. */
    record CpuRun(List<CpuShares> firstCall, CpuShares laterCall) {
    }

    private static double share(long[] start, long[] end) {
        return 100.0 * (end[0] - start[0]) / (end[1] - start[1]);
    }

    /** Two fresh JVMs, registered as new users who are contacts and see each other online. */
    private CallPeerPair pair(boolean startupWarmUp) {
        return CallPeerPair.open(server.baseUrl(), profiles, ++pairs, startupWarmUp,
                CallSessionConfig.DEFAULT_MAX_SEND_BITRATE, peerJvmOptions);
    }

    @Override
    public void close() {
        server.close();
    }
}
