package dev.confab.bench.ice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import dev.confab.bench.MarkdownReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time from offer to ICE connected and to DTLS connected on loopback, Confab beside two headless Chromium peer
 * connections, in one run: cold (the first set-up in each of several fresh JVMs and fresh browsers, taken in turn)
 * and warm (after warm-up, in one JVM and in one page), as medians and their ratio, written as a Markdown table. Confab
 * runs in child JVMs ({@link ConfabConnectTimes}), Chromium through {@link ChromiumConnectTimes}. Run by
 * {@code scripts/bench-ice.sh}.
 */
@Command(name = "bench-ice", mixinStandardHelpOptions = true,
        description = "Offer to ICE connected and to DTLS connected on loopback: Confab beside Chromium, cold and "
                + "warm.")
public final class ConnectTimeReport implements Callable<Integer> {
    @Option(names = "--cold-runs", description = "Fresh JVMs and fresh browsers for the cold figures. "
            + "Default: ${DEFAULT-VALUE}.")
    int coldRuns = 7;
    @Option(names = "--warm-up", description = "Unmeasured set-ups before the warm ones. Default: ${DEFAULT-VALUE}.")
    int warmUp = 10;
    @Option(names = "--warm", description = "Measured warm set-ups. Default: ${DEFAULT-VALUE}.")
    int warm = 20;
    @Option(names = "--report", description = "Where to write the table. Default: ${DEFAULT-VALUE}.")
    Path report = Path.of("bench", "target", "ice-report.md");

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConnectTimeReport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<ConnectTime> confabCold = new ArrayList<>();
        List<ConnectTime> confabStartup = new ArrayList<>();
        List<ConnectTime> chromiumCold = new ArrayList<>();
        for (int run = 1; run <= coldRuns; run++) {
            System.out.println("Cold " + run + " of " + coldRuns + ": fresh JVMs (with and without the start-up"
                    + " warm-up), then a fresh browser...");
            confabCold.addAll(confab("cold"));
            confabStartup.addAll(confab("startup"));
            chromiumCold.add(ChromiumConnectTimes.cold());
        }
        System.out.println("Warm: " + warm + " set-ups after " + warmUp + " in one JVM...");
        List<ConnectTime> confabWarm = confab("warm", Integer.toString(warmUp), Integer.toString(warm));
        System.out.println("Warm: " + warm + " set-ups after " + warmUp + " in one page...");
        List<ConnectTime> chromiumWarm;
        String chromiumVersion;
        String chromiumDtls;
        try (ChromiumConnectTimes browser = new ChromiumConnectTimes()) {
            chromiumWarm = browser.warm(warmUp, warm);
            chromiumVersion = browser.version();
            chromiumDtls = browser.dtlsVersion();
        }

        List<String> rows = new ArrayList<>(List.of(
                "| offer to | Confab, median (ms) | Chromium, median (ms) | Confab / Chromium | samples (each) |",
                "| --- | ---: | ---: | ---: | ---: |"));
        rows.add(row("ICE connected, cold", confabCold, chromiumCold, ConnectTime::iceConnectedMillis));
        rows.add(row("DTLS connected, cold", confabCold, chromiumCold, ConnectTime::dtlsConnectedMillis));
        rows.add(row("ICE connected, first call after Confab's start-up warm-up / Chromium cold", confabStartup,
                chromiumCold, ConnectTime::iceConnectedMillis));
        rows.add(row("DTLS connected, first call after Confab's start-up warm-up / Chromium cold", confabStartup,
                chromiumCold, ConnectTime::dtlsConnectedMillis));
        rows.add(row("ICE connected, warm", confabWarm, chromiumWarm, ConnectTime::iceConnectedMillis));
        rows.add(row("DTLS connected, warm", confabWarm, chromiumWarm, ConnectTime::dtlsConnectedMillis));
        rows.add("");
        rows.add("Both on this machine in one run, over loopback, each side's two peers in one process, candidates"
                + " passed directly, certificates (ECDSA P-256) made before time zero; the offerer's times. Cold: the"
                + " first set-up in each of " + coldRuns + " fresh JVMs and " + coldRuns + " fresh browsers; start-up"
                + " warm-up: one loopback call set up and torn down in the fresh JVM first (LoopbackCall.warmUp), which"
                + " the app is to run at start-up; warm: "
                + warm + " set-ups after " + warmUp + " of warm-up. Confab on " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ", DTLS 1.2; Chromium " + chromiumVersion + ", DTLS "
                + dtlsName(chromiumDtls) + " between its two peer connections.");
        String table = String.join("\n", rows);
        MarkdownReport.publish(table, report);
        return 0;
    }

    private static String row(String label, List<ConnectTime> confab, List<ConnectTime> chromium,
            ToDoubleFunction<ConnectTime> measure) {
        double confabMedian = median(confab, measure);
        double chromiumMedian = median(chromium, measure);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %d |", label, confabMedian, chromiumMedian,
                confabMedian / chromiumMedian, Math.min(confab.size(), chromium.size()));
    }

    static double median(List<ConnectTime> times, ToDoubleFunction<ConnectTime> measure) {
        double[] values = times.stream().mapToDouble(measure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** {@code getStats()} names the version by its wire value. */
    private static String dtlsName(String wire) {
        return switch (wire) {
            case "FEFD" -> "1.2";
            case "FEFC" -> "1.3";
            default -> wire;
        };
    }

    /** Runs {@link ConfabConnectTimes} in a fresh JVM on this classpath and reads its lines. */
    private static List<ConnectTime> confab(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                ConfabConnectTimes.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<ConnectTime> times = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String[] fields = line.strip().split(" ");
                times.add(new ConnectTime(Double.parseDouble(fields[0]), Double.parseDouble(fields[1])));
            }
        } finally {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        if (process.exitValue() != 0 || times.isEmpty()) {
            throw new IllegalStateException("ConfabConnectTimes " + String.join(" ", args) + " exited with "
                    + process.exitValue() + " after " + times.size() + " lines");
        }
        return times;
    }
}
