package dev.confab.bench.calls;

import dev.confab.bench.MarkdownReport;
import dev.confab.bench.Spread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An audio call on loopback, Confab beside headless Chromium in one run: set-up times (call to the callee ringing,
 * accept to the caller's first decoded audio) cold, after the app's start-up warm-up and warm ({@link ConfabCalls},
 * {@link ChromiumCalls}); mouth-to-ear latency of Confab's media pipeline without devices ({@link PipelineLatency})
 * and through virtual PulseAudio devices ({@link DeviceLatencyJvm}); and each side's CPU during a call, with WAV files
 * for sound and through virtual devices ({@link ConfabCalls#cpuThroughDevices}); written as
 * Markdown tables. Run by {@code scripts/bench-calls.sh}; {@code --mouth-to-ear-only} measures the latency alone,
 * {@code --cpu-only} Confab's CPU alone.
 */
@Command(name = "bench-calls", mixinStandardHelpOptions = true,
        description = "Call set-up, mouth-to-ear latency and CPU of an audio call on loopback: Confab beside Chromium.")
public final class CallReport implements Callable<Integer> {
    private static final int BURSTS_WARM_UP = 5;
    /** The call's CPU is counted over two spans: the first after its first seconds, then the steady state. */
    private static final int CPU_SPANS = 2;
    /** The lines' own rate, at which the sound server passes samples through. */
    private static final int NATIVE_RATE = 48_000;
    /** A common device rate that the sound server resamples to and from the lines' 48 kHz, feeding them in chunks. */
    private static final int RESAMPLED_RATE = 44_100;
    private static final String CALLER_VOICE = "caller.wav";
    private static final String CALLEE_VOICE = "callee.wav";

    @Option(names = "--cold-runs", description = "Fresh pairs of JVMs and fresh browsers for the cold figures. "
            + "Default: ${DEFAULT-VALUE}.")
    int coldRuns = 5;
    @Option(names = "--warm-up", description = "Unmeasured calls before the warm ones. Default: ${DEFAULT-VALUE}.")
    int warmUp = 10;
    @Option(names = "--warm", description = "Measured warm calls. Default: ${DEFAULT-VALUE}.")
    int warm = 20;
    @Option(names = "--bursts", description = "Measured bursts for mouth-to-ear. Default: ${DEFAULT-VALUE}.")
    int bursts = 30;
    @Option(names = "--device-buffers", split = ",", defaultValue = "60,40,20", description = "Line buffer sizes"
            + " (ms, each way) to measure mouth-to-ear through PulseAudio devices with. Default: ${DEFAULT-VALUE}.")
    List<Integer> deviceBuffers;
    @Option(names = "--mouth-to-ear-only", description = "Measure mouth-to-ear only, without set-up and CPU.")
    boolean mouthToEarOnly;
    @Option(names = "--cpu-only", description = "Measure Confab's CPU during a call only, without set-up, latency"
            + " and Chromium.")
    boolean cpuOnly;
    @Option(names = "--cpu-seconds", description = "Length of each of the two spans of a call whose CPU is counted"
            + " (the first after 2 s, then the steady state). Default: ${DEFAULT-VALUE}.")
    int cpuSeconds = 60;
    @Option(names = "--peer-jvm-options", paramLabel = "FILE", description = "The Confab clients' JVM options, a java"
            + " @argument file such as bin/confab-desktop.jvm-options (the desktop app's). Default: -Xmx512m.")
    Path peerJvmOptions;
    @Option(names = "--report", description = "Where to write the table. Default: ${DEFAULT-VALUE}.")
    Path report = Path.of("bench", "target", "calls-report.md");

    public static void main(String[] args) {
        System.exit(new CommandLine(new CallReport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> lines = new ArrayList<>();
        if (cpuOnly) {
            try (ConfabCalls confab = new ConfabCalls(peerJvmOptions())) {
                Path voices = voices();
                lines.addAll(cpuTable(confabCpu(confab, voices), confabCpuThroughDevices(confab, voices, NATIVE_RATE),
                        confabCpuThroughDevices(confab, voices, RESAMPLED_RATE), Double.NaN));
                lines.add(cpuNotes());
            }
        } else if (mouthToEarOnly) {
            MouthToEar mouthToEar = mouthToEar();
            lines.addAll(mouthToEar.tables());
            lines.addAll(mouthToEar.notes());
        } else {
            callsBesideChromium(lines);
        }
        MarkdownReport.publish(String.join("\n", lines), report);
        return 0;
    }

    private void callsBesideChromium(List<String> lines) throws Exception {
        Path voices = voices();
        Path tone = Voices.tone(voices.resolve("tone.wav"), 440, 30);
        try (ConfabCalls confab = new ConfabCalls(peerJvmOptions())) {
            List<SetupTime> confabCold = new ArrayList<>();
            List<SetupTime> confabStartup = new ArrayList<>();
            List<SetupTime> chromiumCold = new ArrayList<>();
            for (int run = 1; run <= coldRuns; run++) {
                System.out.println("Cold " + run + " of " + coldRuns + ": a fresh pair of JVMs (without, then with the"
                        + " start-up warm-up), then a fresh browser...");
                confabCold.addAll(confab.setUps(false, 0, 1, tone));
                confabStartup.addAll(confab.setUps(true, 0, 1, tone));
                try (ChromiumCalls browser = new ChromiumCalls(tone)) {
                    chromiumCold.addAll(browser.setUps(0, 1));
                }
            }
            System.out.println("Warm: " + warm + " calls after " + warmUp + " between one pair of JVMs...");
            List<SetupTime> confabWarm = confab.setUps(true, warmUp, warm, tone);
            System.out.println("Warm: " + warm + " calls after " + warmUp + " in one page...");
            List<SetupTime> chromiumWarm;
            double pollMillis;
            String chromiumVersion;
            double chromiumCpu;
            try (ChromiumCalls browser = new ChromiumCalls(tone)) {
                chromiumWarm = browser.setUps(warmUp, warm);
                pollMillis = browser.pollMillis();
                chromiumVersion = browser.version();
            }
            MouthToEar mouthToEar = mouthToEar();
            CallCpu.Run confabCpu = confabCpu(confab, voices);
            CallCpu.Run confabCpuThroughDevices = confabCpuThroughDevices(confab, voices, NATIVE_RATE);
            CallCpu.Run confabCpuThroughResampledDevices = confabCpuThroughDevices(confab, voices, RESAMPLED_RATE);
            System.out.println("CPU: " + cpuSeconds + " s of a call in which both talk, Chromium...");
            try (ChromiumCalls browser = new ChromiumCalls(voices.resolve(CALLER_VOICE))) {
                chromiumCpu = browser.cpuPercent(Duration.ofSeconds(cpuSeconds));
            }
            lines.addAll(List.of(
                    "| call set-up on loopback | Confab, median (ms) | Chromium, median (ms) | Confab / Chromium"
                            + " | samples (each) |",
                    "| --- | ---: | ---: | ---: | ---: |"));
            setUpRows(lines, "cold", confabCold, chromiumCold);
            setUpRows(lines, "first call after Confab's start-up warm-up / Chromium cold", confabStartup,
                    chromiumCold);
            setUpRows(lines, "warm", confabWarm, chromiumWarm);
            lines.add("");
            lines.addAll(mouthToEar.tables());
            lines.addAll(cpuTable(confabCpu, confabCpuThroughDevices, confabCpuThroughResampledDevices, chromiumCpu));
            lines.add(setUpNotes(chromiumVersion, pollMillis, confab.failures()));
            lines.add("");
            lines.addAll(mouthToEar.notes());
            lines.add(cpuNotes());
        }
    }

    /** The two talking voices, each long enough for the counted call, in a new temporary directory. */
    private Path voices() throws Exception {
        Path voices = Files.createTempDirectory("confab-bench-calls");
        int talkSeconds = CPU_SPANS * cpuSeconds + 15;
        Voices.speech(voices.resolve(CALLER_VOICE), "The quick brown fox jumps over the lazy dog."
                + " Pack my box with five dozen liquor jugs.", talkSeconds);
        Voices.speech(voices.resolve(CALLEE_VOICE), "How vexingly quick daft zebras jump."
                + " Sphinx of black quartz, judge my vow.", talkSeconds);
        return voices;
    }

    private CallCpu.Run confabCpu(ConfabCalls confab, Path voices) throws InterruptedException {
        System.out.println("CPU: " + CPU_SPANS + " x " + cpuSeconds + " s of a call in which both talk, then "
                + cpuSeconds + " s of a second call, Confab with WAV files for sound...");
        return confab.cpu(voices.resolve(CALLER_VOICE), voices.resolve(CALLEE_VOICE), Duration.ofSeconds(cpuSeconds),
                CPU_SPANS);
    }

    private CallCpu.Run confabCpuThroughDevices(ConfabCalls confab, Path voices, int deviceRate) throws Exception {
        System.out.println("CPU: the same, Confab through PulseAudio devices at " + deviceRate + " Hz...");
        return confab.cpuThroughDevices(voices.resolve(CALLER_VOICE), voices.resolve(CALLEE_VOICE),
                Duration.ofSeconds(cpuSeconds), CPU_SPANS, deviceRate);
    }

    /**
     * The CPU table, with WAV files and through devices at 48 and 44.1 kHz, its first span beside Chromium's
     * ({@code NaN}: not measured), and the busiest threads.
     */
    private List<String> cpuTable(CallCpu.Run files, CallCpu.Run devices, CallCpu.Run resampledDevices,
            double chromium) {
        List<String> lines = new ArrayList<>(List.of("| CPU during a call, % of one core | Confab caller, WAV files"
                + " | Confab callee, WAV files | Confab caller, devices at 48 kHz | Confab callee, devices at 48 kHz"
                + " | Confab caller, devices at 44.1 kHz | Confab callee, devices at 44.1 kHz"
                + " | Chromium, both peer connections in one browser | Chromium per side (half) |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"));
        List<String> spans = List.of("first " + cpuSeconds + " s after 2 s, both talking",
                "the next " + cpuSeconds + " s, both talking (steady state)",
                "a second call between the same two clients, its first " + cpuSeconds + " s after 2 s");
        List<List<CallCpu.Shares>> runs = List.of(spansOf(files), spansOf(devices), spansOf(resampledDevices));
        for (int span = 0; span < spans.size(); span++) {
            StringBuilder row = new StringBuilder("| " + spans.get(span) + " |");
            for (List<CallCpu.Shares> run : runs) {
                row.append(String.format(Locale.ROOT, " %.2f | %.2f |", run.get(span).callerPercent(),
                        run.get(span).calleePercent()));
            }
            row.append(String.format(Locale.ROOT, " %s | %s |", span == 0 ? percent(chromium) : "",
                    span == 0 ? percent(chromium / 2) : ""));
            lines.add(row.toString());
        }
        lines.add("");
        List<String> runNames = List.of("with WAV files", "through devices at 48 kHz", "through devices at 44.1 kHz");
        for (int span = 0; span < spans.size(); span++) {
            List<String> parts = new ArrayList<>();
            for (int run = 0; run < runs.size(); run++) {
                parts.add(runNames.get(run) + ", caller " + runs.get(run).get(span).callerThreads() + "; callee "
                        + runs.get(run).get(span).calleeThreads());
            }
            lines.add("Threads that used the most CPU (ms), " + spans.get(span) + ": " + String.join("; ", parts)
                    + ".");
            lines.add("");
        }
        return lines;
    }

    /** A run's first span, steady span and later call, in the table's order. */
    private static List<CallCpu.Shares> spansOf(CallCpu.Run run) {
        return List.of(run.firstCall().getFirst(), run.firstCall().getLast(), run.laterCall());
    }

    /** The clients' JVM options: {@code @FILE} when given, else {@link CallPeer#DEFAULT_JVM_OPTIONS}. */
    private List<String> peerJvmOptions() {
        return peerJvmOptions == null ? CallPeer.DEFAULT_JVM_OPTIONS
                : List.of("@" + peerJvmOptions.toAbsolutePath());
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private MouthToEar mouthToEar() throws Exception {
        System.out.println("Mouth-to-ear: " + bursts + " bursts through two media sessions...");
        List<Double> pipeline;
        int missed;
        try (PipelineLatency latency = new PipelineLatency()) {
            pipeline = latency.measure(BURSTS_WARM_UP, bursts);
            missed = latency.missed();
        }
        System.out.println("Mouth-to-ear through PulseAudio devices, line buffers " + deviceBuffers + " ms...");
        return new MouthToEar(pipeline, missed, DeviceLatencyJvm.measure(BURSTS_WARM_UP, bursts, deviceBuffers));
    }

    /** Mouth-to-ear of the pipeline without devices, the bursts it missed, and through devices. */
    private record MouthToEar(List<Double> pipeline, int missed, DeviceLatencyJvm.Result devices) {
        List<String> tables() {
            Spread spread = Spread.of(pipeline);
            List<String> lines = new ArrayList<>(List.of("| Confab's media pipeline | median | min | max | samples |",
                    "| --- | ---: | ---: | ---: | ---: |",
                    String.format(Locale.ROOT, "| mouth-to-ear without device buffers (ms) | %.1f | %.1f | %.1f |"
                            + " %d |", spread.median(), spread.min(), spread.max(), spread.count()), ""));
            lines.addAll(DeviceLatencyReport.table(devices));
            lines.add("");
            return lines;
        }

        List<String> notes() {
            List<String> lines = new ArrayList<>(List.of(pipelineNotes(missed), ""));
            DeviceLatencyReport.summary(devices, Spread.of(pipeline).median()).ifPresent(summary -> {
                lines.add(summary);
                lines.add("");
            });
            lines.add(DeviceLatencyReport.notes(BURSTS_WARM_UP));
            lines.add("");
            return lines;
        }
    }

    private String setUpNotes(String chromiumVersion, double pollMillis, int failedCalls) {
        return String.format(Locale.ROOT, """
                Both on this machine in one run. Confab: caller and callee each a full client (ConfabClient) in its\
                 own fresh JVM, through the real server in a third JVM over its WebSocket, users registered and made\
                 contacts first; the callee's client answers the moment it rings, sending a 440 Hz tone (WAV file,\
                 real time), the caller sends nothing and its playout (a WAV recorder pulling a 20 ms frame every\
                 20 ms, as a device line does) is watched every 0.2 ms for the first frame the jitter buffer gives\
                 out from received audio. "Ring": place() at the caller to the callee's client showing the call\
                 INCOMING (System.nanoTime, one monotonic clock for both JVMs); "first audio": the callee's answer()\
                 to that first frame. Cold: the first call of %d fresh pairs of JVMs; start-up warm-up: the same\
                 after LoopbackCall.warmUp in each JVM, as the app runs at start-up (certificates are made ahead by\
                 the app either way); warm: %d calls after %d in one pair. Confab calls that brought no audio within 10 s (left out,\
                 hung up, not repeated): %d. Chromium %s: two RTCPeerConnections in\
                 one page, signaling direct in the page (no server, so its "ring" is createOffer and the callee\
                 taking the offer, without any transport: the ring ratio compares a server round trip with none),\
                 certificates made before time zero, the callee sending the fake microphone (the same tone), the\
                 caller playing it through an audio element; "first audio" from the callee starting its answer to\
                 the caller's inbound-rtp first counting decoded (not concealed) samples, receiver.getStats()\
                 polled back to back (%.2f ms apart on average: most polls are answered from WebRTC's cached stats\
                 report, which is refreshed every few tens of milliseconds, so Chromium's first-audio figures are\
                 upper bounds, late by up to that cache's lifetime).""", coldRuns, warm, warmUp, failedCalls,
                chromiumVersion, pollMillis);
    }

    private static String pipelineNotes(int missed) {
        return String.format(Locale.ROOT, """
                Mouth-to-ear: two media sessions (CallSession) in the benchmark's JVM, connected on loopback; a\
                 10 ms 1 kHz burst once a second into the talker's microphone (a 20 ms frame handed over every\
                 20 ms), detected at the listener's speaker pulled every 20 ms on its own phase; from the burst's\
                 first sample being spoken to its first sample over the threshold being played, so it includes\
                 framing (20 ms), Opus, SRTP, loopback UDP, the jitter buffer (40 ms floor) and the wait for the next\
                 playout pull, but not the device lines' buffers (LineOptions default: %d ms each way), which the\
                 measurement through devices below adds. Bursts missed: %d.""",
                DeviceLatencyReport.DEFAULT_BUFFER_MILLIS, missed);
    }

    private String cpuNotes() {
        return String.format(Locale.ROOT, """
                CPU: process CPU time (OperatingSystemMXBean) of each Confab client JVM, and of the browser's\
                 processes together (/proc: browser, renderer, GPU, network and audio services), over %d s of an\
                 established call after its first 2 s (Confab also over the %d s after, the steady state once the JIT\
                 compiled the media path, and over the first %d s of a second call between the same JVMs, as a running\
                 app places its later calls), both sides sending speech (espeak-ng, repeated) from WAV\
                 files and recording (Confab) or playing to an audio element (Chromium) what they hear, no sound\
                 device on either side; and Confab again through sound devices, as a person's call runs: each client\
                 with a virtual PulseAudio microphone and speaker of its own (Java Sound lines through ALSA's pulse\
                 plugin, LineOptions' default buffers), the same voices played into the microphones (the sound\
                 server's own CPU not counted, as it is not the app's), once with devices at the lines' 48 kHz and\
                 once at 44.1 kHz, where the server resamples and feeds the lines in chunks. Confab on %s %s, the\
                 clients' JVM options\
                 %s.""", cpuSeconds, cpuSeconds,
                cpuSeconds, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                String.join(" ", peerJvmOptions()));
    }

    private static void setUpRows(List<String> lines, String when, List<SetupTime> confab, List<SetupTime> chromium) {
        lines.add(row("call to ring, " + when, confab, chromium, SetupTime::ringMillis));
        lines.add(row("accept to first audio at the caller, " + when, confab, chromium, SetupTime::firstAudioMillis));
    }

    private static String row(String label, List<SetupTime> confab, List<SetupTime> chromium,
            ToDoubleFunction<SetupTime> measure) {
        double confabMedian = median(confab, measure);
        double chromiumMedian = median(chromium, measure);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %d |", label, confabMedian, chromiumMedian,
                confabMedian / chromiumMedian, Math.min(confab.size(), chromium.size()));
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> measure) {
        return Spread.of(values.stream().map(v -> measure.applyAsDouble(v)).toList()).median();
    }
}
