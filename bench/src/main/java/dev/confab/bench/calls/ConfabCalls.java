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
     * Each client's CPU over {@code windows} consecutive spans of {@code length} of an established call (after its
     * first 2 s) in which both send speech ({@code callerVoice}, {@code calleeVoice}, at least as long) from WAV files
     * and record what they hear; then over one span of a second call between the same two JVMs, as a running app
     * places its later calls.
     */
    CallCpu.Run cpu(Path callerVoice, Path calleeVoice, Duration length, int windows) throws InterruptedException {
        try (CallPeerPair pair = pair(true)) {
            pair.callee().send("answer-with " + calleeVoice);
            List<CallCpu.Shares> spans = CallCpu.spans(pair, callWith(pair, callerVoice, "first"), length, windows);
            CallCpu.Shares laterCall = CallCpu.spans(pair, callWith(pair, callerVoice, "second"), length, 1)
                    .getFirst();
            return new CallCpu.Run(spans, laterCall);
        }
    }

    /**
     * The same as {@link #cpu} with each client's microphone and speaker virtual PulseAudio devices, as a person's
     * call runs, the voices played into the microphones ({@link DeviceCpuMain}, in a JVM of its own with the sound
     * server); the devices run at {@code deviceRate} Hz, which the server resamples to the lines' 48 kHz if it differs.
     */
    CallCpu.Run cpuThroughDevices(Path callerVoice, Path calleeVoice, Duration length, int windows, int deviceRate)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(server.baseUrl(), profiles.toString(), Integer.toString(++pairs),
                Long.toString(length.toSeconds()), Integer.toString(windows), Integer.toString(deviceRate),
                callerVoice.toString(), calleeVoice.toString()));
        args.addAll(peerJvmOptions);
        Duration timeout = length.multipliedBy(windows + 1).plusMinutes(3);
        return CallCpu.Run.of(PulseJvm.run(DeviceCpuMain.class, args, timeout,
                line -> line.startsWith(CallCpu.Shares.PREFIX)).stream().map(CallCpu.Shares::parse).toList());
    }

    /** The call command sending {@code voice}, recording to a file named for the pair and {@code which} call. */
    private String callWith(CallPeerPair pair, Path voice, String which) {
        return "call " + pair.callee().userId() + " " + voice + " "
                + profiles.resolve("cpu-heard-" + pairs + "-" + which + ".wav");
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
