package dev.confab.bench.desktop;

import dev.confab.bench.MarkdownReport;
import dev.confab.bench.Spread;
import dev.confab.testkit.ServerProcess;
import dev.confab.testkit.Xvfb;
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
 * remembered account, and the app's resident memory idle and in a video call. Each run is a real window on a private
 * Xvfb display, against a real server. Run by {@code scripts/bench-desktop.sh}.
 */
@Command(name = "bench-desktop", mixinStandardHelpOptions = true,
        description = "Desktop app: cold start to the sign-in window and to the contact list, and memory (RSS).")
public final class DesktopReport implements Callable<Integer> {
    private static final Duration MARK_LIMIT = Duration.ofSeconds(60);

    @Option(names = "--runs", description = "Measured starts of each kind. Default: ${DEFAULT-VALUE}.")
    int runs = 5;
    @Option(names = "--contacts", description = "Contacts online in the account's list. Default: ${DEFAULT-VALUE}.")
    int contacts = 3;
    @Option(names = "--idle-seconds", description = "Seconds the app idles before its memory is read."
            + " Default: ${DEFAULT-VALUE}.")
    int idleSeconds = 10;
    @Option(names = "--jar", description = "The app's jar (its libraries beside it in lib/). Default: ${DEFAULT-VALUE}.")
    Path jar = Path.of("client-app", "target", "confab.jar");
    @Option(names = "--report", description = "Where to write the table. Default: ${DEFAULT-VALUE}.")
    Path report = Path.of("bench", "target", "desktop-report.md");

    public static void main(String[] args) {
        System.exit(new CommandLine(new DesktopReport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("confab-bench-desktop-");
        List<String> rows = new ArrayList<>(List.of(
                "| Desktop app | median | min | max | runs | goal |",
                "|---|---:|---:|---:|---:|---|"));
        try (ServerProcess server = ServerProcess.builder().dataDir(work.resolve("server")).build().start();
                Xvfb x = Xvfb.start(1280, 800)) {
            Path cache = work.resolve("confab-desktop.aot");
            Spread plain = signInStarts(server, x, work, "plain", List.of());
            train(server, x, work, cache);
            Spread cached = signInStarts(server, x, work, "aot", List.of("-XX:AOTCache=" + cache));
            rows.add(row("Cold start to the sign-in window, no AOT cache (ms)", plain, ""));
            rows.add(row("Cold start to the sign-in window, with the AOT cache (ms)", cached, "under 1500"));
            Path appData = work.resolve("app-data");
            try (DesktopCast cast = DesktopCast.create(server.baseUrl(), appData, work.resolve("contacts"), contacts)) {
                List<Double> toList = new ArrayList<>();
                List<Double> idle = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    try (AppProcess app = AppProcess.launch(jar, List.of("-XX:AOTCache=" + cache), appData,
                            server.baseUrl(), x.display(), Map.of(), work.resolve("list-" + i))) {
                        toList.add((double) app.awaitMark("contact-list", MARK_LIMIT));
                        if (i == 0) {
                            Thread.sleep(Duration.ofSeconds(idleSeconds));
                            idle.add(app.rssMiB());
                        }
                    }
                }
                rows.add(row("Cold start to the contact list, remembered account, " + contacts
                        + " contacts online, AOT cache (ms)", Spread.of(toList), ""));
                rows.add(row("Memory (RSS) idle with the contact list, " + idleSeconds + " s after start (MiB)",
                        Spread.of(idle), ""));
            }
        }
        rows.add("");
        rows.add(String.format(Locale.ROOT, "Each start is a new JVM (%s %s) running `java -cp confab.jar"
                        + " ...ConfabDesktop` as bin/confab-desktop does, in a real window on a private Xvfb display"
                        + " (GTK, software rendering), timed from the process launch to the app's own mark (the window"
                        + " shown with the sign-in card; the contact list filled from the server). The AOT cache is"
                        + " the one bin/confab-desktop records on a first start (here: one unmeasured start to the"
                        + " sign-in window). Machine: %d cores, load average %s.",
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip()));
        MarkdownReport.publish(String.join("\n", rows), report);
        return 0;
    }

    private Spread signInStarts(ServerProcess server, Xvfb x, Path work, String kind, List<String> jvmOptions) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path dir = work.resolve(kind + "-" + i);
            try (AppProcess app = AppProcess.launch(jar, jvmOptions, dir.resolve("data"), server.baseUrl(), x.display(),
                    Map.of(), dir)) {
                times.add((double) app.awaitMark("sign-in-window", MARK_LIMIT));
            }
            System.out.printf(Locale.ROOT, "sign-in window, %s, run %d: %.0f ms%n", kind, i + 1, times.getLast());
        }
        return Spread.of(times);
    }

    private void train(ServerProcess server, Xvfb x, Path work, Path cache) {
        Path dir = work.resolve("train");
        try (AppProcess app = AppProcess.launch(jar, List.of("-XX:AOTCacheOutput=" + cache), dir.resolve("data"),
                server.baseUrl(), x.display(), Map.of(), dir)) {
            app.awaitMark("sign-in-window", MARK_LIMIT);
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("The AOT cache was not written; see " + dir.resolve("app.log"));
        }
    }

    private static String row(String what, Spread s, String goal) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %d | %s |", what, s.median(), s.min(), s.max(),
                s.count(), goal);
    }
}
