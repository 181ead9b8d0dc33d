package dev.confab.bench.desktop;

import dev.confab.bench.MarkdownReport;
import dev.confab.bench.Spread;
import dev.confab.bench.WorkDirectory;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.testkit.PulseAudio;
import dev.confab.testkit.ServerProcess;
import dev.confab.testkit.Xvfb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The desktop app's benchmark, as a Markdown table: cold start (a new JVM each run, as a user starts the app) to the
 * sign-in window without and with the AOT cache that {@code bin/confab-desktop} makes, to a usable contact list for a
 * remembered account, and the app's resident memory idle and in a video call (with its CPU time there). Each run is a
 * real window on a private Xvfb display, against a real server, with a private PulseAudio daemon as the system's sound
 * (a virtual speaker and microphone its defaults). Run by {@code scripts/bench-desktop.sh}, which names the daemon's
 * socket in {@code PULSE_SERVER} (Java Sound, in this JVM and the app's, finds it there) and checks for xdotool.
 */
@Command(name = "bench-desktop", mixinStandardHelpOptions = true,
        description = "Desktop app: cold start to the sign-in window and to the contact list, and memory (RSS) idle"
                + " and in a video call.")
public final class DesktopReport implements Callable<Integer> {
    private static final Duration MARK_LIMIT = Duration.ofSeconds(60);
    private static final double MIB_PER_MB = 1e6 / (1 << 20);
    private static final double RSS_GOAL_MB = 300;
    private static final String MODE = CallVideo.DEFAULT_MODE.size().width() + "x"
            + CallVideo.DEFAULT_MODE.size().height() + " at " + CallVideo.DEFAULT_MODE.frameRate() + " fps";

    @Option(names = "--runs", description = "Measured starts of each kind. Default: ${DEFAULT-VALUE}.")
    int runs = 5;
    @Option(names = "--contacts", description = "Contacts online in the account's list. Default: ${DEFAULT-VALUE}.")
    int contacts = 3;
    @Option(names = "--idle-seconds", description = "Seconds the app idles with its contact list before"
            + " its memory is read, each start. Default: ${DEFAULT-VALUE}.")
    int idleSeconds = 10;
    @Option(names = "--call-seconds", description = "Seconds of the video call during which the app's memory and CPU"
            + " are read, once a second. Default: ${DEFAULT-VALUE}.")
    int callSeconds = 30;
    @Option(names = "--call-warm-up-seconds", description = "Seconds of the connected video call before that."
            + " Default: ${DEFAULT-VALUE}.")
    int callWarmUpSeconds = 5;
    @Option(names = "--app-options", description = "The app's JVM options (a java @argument file), as"
            + " bin/confab-desktop uses them. Default: ${DEFAULT-VALUE}.")
    Path appOptions = Path.of("bin", "confab-desktop.jvm-options");
    @Option(names = "--jar", description = "The app's jar (its libraries beside it in lib/). Default: ${DEFAULT-VALUE}.")
    Path jar = Path.of("client-app", "target", "confab.jar");
    @Option(names = "--report", description = "Where to write the table. Default: ${DEFAULT-VALUE}.")
    Path report = Path.of("bench", "target", "desktop-report.md");

    public static void main(String[] args) {
        System.exit(new CommandLine(new DesktopReport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (System.getenv(PulseAudio.SERVER_VARIABLE) == null) {
            throw new IllegalStateException("Run this through scripts/bench-desktop.sh: the app's sound needs a private"
                    + " PulseAudio whose socket " + PulseAudio.SERVER_VARIABLE + " names when the JVM starts");
        }
        Path work = Files.createTempDirectory("confab-bench-desktop-");
        String loadBefore = loadAverage();
        List<String> rows = new ArrayList<>(List.of(
                "| Desktop app | median | min | max | count | goal |",
                "|---|---:|---:|---:|---:|---|"));
        VideoCallLoad.Result inCall;
        boolean measured = false;
        try (PulseAudio pulse = PulseAudio.start();
                ServerProcess server = ServerProcess.builder().dataDir(work.resolve("server")).build().start();
                Xvfb x = Xvfb.start(1280, 800)) {
            pulse.makeDefault(pulse.addSpeaker("bench_speaker", "Benchmark speaker"));
            pulse.makeDefault(pulse.addMicrophone("bench_microphone", "Benchmark microphone"));
            // MALLOC_ARENA_MAX as bin/confab-desktop sets it.
            Rig rig = new Rig(server.baseUrl(), x.display(), Map.of(PulseAudio.SERVER_VARIABLE, pulse.server(),
                    "MALLOC_ARENA_MAX", "2"), "@" + appOptions.toAbsolutePath(), work);
            Path cache = work.resolve("confab-desktop.aot");
            try (DesktopCast cast = DesktopCast.create(server.baseUrl(), rig.appData(), work.resolve("contacts"),
                    contacts)) {
                rows.add(row("Cold start to the sign-in window, no AOT cache (ms)", signInStarts(rig, "plain",
                        List.of()), ""));
                train(rig, cache);
                rows.add(row("Cold start to the sign-in window, with the AOT cache (ms)", signInStarts(rig, "aot",
                        List.of("-XX:AOTCache=" + cache)), "under 1500"));
                rows.addAll(contactListStarts(rig, cache));
                inCall = videoCall(rig, cache, cast);
            }
            measured = true;
        } finally {
            if (measured) {
                WorkDirectory.delete(work);
            } else {
                System.err.println("The apps' logs and data are kept in " + work);
            }
        }
        rows.add(row("Memory (RSS) in a video call, " + MODE + " both ways, each second for " + callSeconds
                + " s (MiB)", Spread.of(inCall.rssMiB()), String.format(Locale.ROOT, "under %.0f MB (%.0f MiB)",
                RSS_GOAL_MB, RSS_GOAL_MB * MIB_PER_MB)));
        rows.add(row("CPU in that video call, each second (% of one core)", Spread.of(inCall.cpuPercent()), ""));
        rows.addAll(notes(inCall, loadBefore));
        MarkdownReport.publish(String.join("\n", rows), report);
        return 0;
    }

    /** Where the apps run: the server, the X display, the app's environment for its sound, the work directory. */
    private record Rig(String serverUrl, String display, Map<String, String> environment, String options, Path work) {
        /** The data directory of the remembered account's app. */
        Path appData() {
            return work.resolve("app-data");
        }

        AppProcess launch(Path jar, List<String> jvmOptions, Path dataDir, String run) {
            List<String> all = new ArrayList<>(List.of(options));
            all.addAll(jvmOptions);
            return AppProcess.launch(jar, all, dataDir, serverUrl, display, environment, work.resolve(run));
        }
    }

    private Spread signInStarts(Rig rig, String kind, List<String> jvmOptions) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String run = kind + "-" + i;
            try (AppProcess app = rig.launch(jar, jvmOptions, rig.work().resolve(run).resolve("data"), run)) {
                times.add((double) app.awaitMark("sign-in-window", MARK_LIMIT));
            }
            System.out.printf(Locale.ROOT, "sign-in window, %s, run %d: %.0f ms%n", kind, i + 1, times.getLast());
        }
        return Spread.of(times);
    }

    /** One unmeasured start that records the AOT cache: the remembered account to its contact list. */
    private void train(Rig rig, Path cache) {
        try (AppProcess app = rig.launch(jar, List.of("-XX:AOTCacheOutput=" + cache), rig.appData(), "train")) {
            app.awaitMark("contact-list", MARK_LIMIT);
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("The AOT cache was not written; see the app's log in "
                    + rig.work().resolve("train"));
        }
    }

    /** The rows of the remembered account's starts to its contact list, and of its memory idle after each. */
    private List<String> contactListStarts(Rig rig, Path cache) throws InterruptedException {
        List<Double> toList = new ArrayList<>();
        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (AppProcess app = rig.launch(jar, List.of("-XX:AOTCache=" + cache), rig.appData(), "list-" + i)) {
                toList.add((double) app.awaitMark("contact-list", MARK_LIMIT));
                Thread.sleep(Duration.ofSeconds(idleSeconds));
                idle.add(app.rssMiB());
            }
            System.out.printf(Locale.ROOT, "contact list, run %d: %.0f ms, then idle %.0f MiB%n", i + 1,
                    toList.getLast(), idle.getLast());
        }
        return List.of(
                row("Cold start to the contact list, remembered account, " + contacts
                        + " contacts online, AOT cache (ms)", Spread.of(toList), ""),
                row("Memory (RSS) idle with the contact list, " + idleSeconds + " s after it filled (MiB)",
                        Spread.of(idle), ""));
    }

    private VideoCallLoad.Result videoCall(Rig rig, Path cache, DesktopCast cast) throws InterruptedException {
        try (AppProcess app = rig.launch(jar, List.of("-XX:AOTCache=" + cache), rig.appData(), "call")) {
            app.awaitMark("contact-list", MARK_LIMIT);
            VideoCallLoad.Result result = VideoCallLoad.measure(app, cast.contacts().getFirst(), DesktopCast.APP_USER,
                    new XdoTool(rig.display()), Duration.ofSeconds(callWarmUpSeconds),
                    Duration.ofSeconds(callSeconds));
            System.out.printf(Locale.ROOT, "video call: RSS %s MiB, CPU %.1f%% of one core%n", result.rssMiB(),
                    result.meanCpuPercent());
            return result;
        }
    }

    private List<String> notes(VideoCallLoad.Result inCall, String loadBefore) throws IOException {
        return List.of("",
                String.format(Locale.ROOT, "Each start is a new JVM (%s %s) running `java @%s -cp confab.jar"
                        + " ...ConfabDesktop` with MALLOC_ARENA_MAX=2, as bin/confab-desktop does, in a real window on"
                        + " a private Xvfb display (GTK, JavaFX's software renderer as the app picks it without a GPU,"
                        + " no window manager), timed from the process launch to the app's own mark (the window shown"
                        + " with the sign-in card; the contact list filled from the server). The AOT cache is the one"
                        + " bin/confab-desktop records on a first start (here: one unmeasured start of the remembered"
                        + " account to its contact list, as a returning user's first start). Count: app starts, or for"
                        + " the call rows the per-second samples of one call. The app's sound is a private PulseAudio"
                        + " daemon whose default speaker (a null sink) and microphone (fed by a null sink) are virtual.",
                        System.getProperty("java.vm.name"), System.getProperty("java.version"), appOptions),
                "",
                String.format(Locale.ROOT, "Video call: the app started once more on the remembered account (AOT"
                        + " cache), the test-pattern camera chosen in its settings; one of the contacts, a client in"
                        + " the benchmark's JVM (test-pattern camera, no sound), calls it with video at %s, and the"
                        + " app's incoming-call window is answered with video by its V key (xdotool: windowfocus,"
                        + " then key; %d attempt(s)). Once the contact has the call connected and the app's pictures"
                        + " arriving, and the app shows its call window, after %d s more, the app's VmRSS and CPU time"
                        + " (utime + stime of /proc/PID/stat) are read once a second for %d s: %.1f%% of one core on"
                        + " average over them. Over those seconds the contact received %.1f pictures a second from the"
                        + " app and encoded and sent it %.1f (that the app decodes and draws them is not observed from"
                        + " outside). The app's threads that used the most CPU over those seconds (ms): %s.",
                        MODE, inCall.answerAttempts(), callWarmUpSeconds, callSeconds, inCall.meanCpuPercent(),
                        inCall.contactFps(), inCall.contactSentFps(), String.join(" ", inCall.busiestThreads())),
                "",
                String.format(Locale.ROOT, "Machine: %d cores; load average (1, 5, 15 min) %s at the start, %s at"
                        + " the end.", Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage()));
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    private static String row(String what, Spread s, String goal) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %d | %s |", what, s.median(), s.min(), s.max(),
                s.count(), goal);
    }
}
