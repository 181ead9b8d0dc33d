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
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time from offer to ICE connected and to DTLS connected, Confab beside headless Chromium peer connections, in one
 * run: cold (the first set-up in each of several fresh JVMs and fresh browsers, taken in turn) and warm (after
 * warm-up, in one JVM and in one page), as medians and their ratio, written as a Markdown table. On loopback Confab runs
 * in child JVMs ({@link ConfabConnectTimes}) and Chromium in one page ({@link ChromiumConnectTimes}); across two NATs
 * of the network lab each peer runs in its own namespace ({@link NatConnectTimes}). Run by {@code scripts/bench-ice.sh}.
 */
@Command(name = "bench-ice", mixinStandardHelpOptions = true,
        description = "Offer to ICE connected and to DTLS connected on loopback and across two NATs: Confab beside"
                + " Chromium, cold and warm.")
public final class ConnectTimeReport implements Callable<Integer> {
    @Option(names = "--cold-runs", description = "Fresh JVMs and fresh browsers for the cold figures. "
            + "Default: ${DEFAULT-VALUE}.")
    int coldRuns = 7;
    @Option(names = "--warm-up", description = "Unmeasured set-ups before the warm ones. Default: ${DEFAULT-VALUE}.")
    int warmUp = 10;
    @Option(names = "--warm", description = "Measured warm set-ups. Default: ${DEFAULT-VALUE}.")
    int warm = 20;
    @Option(names = "--nat", negatable = true, description = "Also across two NATs in the network lab (needs root,"
            + " iproute2 and iptables). Default: ${DEFAULT-VALUE}.")
    boolean acrossNat = true;
    @Option(names = "--report", description = "Where to write the table. Default: ${DEFAULT-VALUE}.")
    Path report = Path.of("bench", "target", "ice-report.md");

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConnectTimeReport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> rows = new ArrayList<>(List.of(
                "| offer to | Confab, median (ms) | Chromium, median (ms) | Confab / Chromium | samples (each) |",
                "| --- | ---: | ---: | ---: | ---: |"));
        List<String> notes = new ArrayList<>();
        loopback(rows, notes);
        if (acrossNat) {
            acrossNat(rows, notes);
        }
        rows.add("");
        rows.addAll(notes);
        MarkdownReport.publish(String.join("\n", rows), report);
        return 0;
    }

    private void loopback(List<String> rows, List<String> notes) throws Exception {
        List<ConnectTime> confabCold = new ArrayList<>();
        List<ConnectTime> confabStartup = new ArrayList<>();
        List<ConnectTime> chromiumCold = new ArrayList<>();
        for (int run = 1; run <= coldRuns; run++) {
            System.out.println("Loopback, cold " + run + " of " + coldRuns + ": fresh JVMs (with and without the"
                    + " start-up warm-up), then a fresh browser...");
            confabCold.addAll(confab("cold"));
            confabStartup.addAll(confab("startup"));
            chromiumCold.add(ChromiumConnectTimes.cold());
        }
        System.out.println("Loopback, warm: " + warm + " set-ups after " + warmUp + " in one JVM...");
        List<ConnectTime> confabWarm = confab("warm", Integer.toString(warmUp), Integer.toString(warm));
        System.out.println("Loopback, warm: " + warm + " set-ups after " + warmUp + " in one page...");
        List<ConnectTime> chromiumWarm;
        String chromiumVersion;
        String chromiumDtls;
        try (ChromiumConnectTimes browser = new ChromiumConnectTimes()) {
            chromiumWarm = browser.warm(warmUp, warm);
            chromiumVersion = browser.version();
            chromiumDtls = browser.dtlsVersion();
        }
        addRows(rows, "loopback", confabCold, confabStartup, confabWarm, chromiumCold, chromiumWarm);
        notes.add("Loopback: both on this machine in one run, each side's two peers in one process, candidates"
                + " passed directly, certificates (ECDSA P-256) made before time zero; the offerer's times. Cold: the"
                + " first set-up in each of " + coldRuns + " fresh JVMs and " + coldRuns + " fresh browsers; start-up"
                + " warm-up: one loopback call set up and torn down in the fresh JVM first (LoopbackCall.warmUp), which"
                + " the app is to run at start-up; warm: "
                + warm + " set-ups after " + warmUp + " of warm-up. Confab on " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ", DTLS 1.2; Chromium " + chromiumVersion + ", DTLS "
                + dtlsName(chromiumDtls) + " between its two peer connections.");
    }

    private void acrossNat(List<String> rows, List<String> notes) {
        try (NatConnectTimes nat = new NatConnectTimes()) {
            System.out.println("Across two NATs, cold: " + coldRuns + " fresh pairs of JVMs, with and without the"
                    + " start-up warm-up, and of browsers...");
            List<NatConnectTimes.Sample> confabCold = nat.cold(host -> new ConfabNatPeer(host, false), coldRuns);
            List<NatConnectTimes.Sample> confabStartup = nat.cold(host -> new ConfabNatPeer(host, true), coldRuns);
            List<NatConnectTimes.Sample> chromiumCold = nat.cold(ChromiumNatPeer::new, coldRuns);
            System.out.println("Across two NATs, warm: " + warm + " set-ups after " + warmUp + " between two JVMs"
                    + " and between two browsers...");
            List<NatConnectTimes.Sample> confabWarm = nat.warm(host -> new ConfabNatPeer(host, false), warmUp, warm);
            List<NatConnectTimes.Sample> chromiumWarm = nat.warm(ChromiumNatPeer::new, warmUp, warm);
            addRows(rows, "across two NATs", times(confabCold), times(confabStartup), times(confabWarm),
                    times(chromiumCold), times(chromiumWarm));
            Function<List<NatConnectTimes.Sample>, List<ConnectTime>> afterAnswer = samples -> samples.stream()
                    .map(NatConnectTimes.Sample::sinceAnswerTaken).toList();
            addRows(rows, "across two NATs, counted from the answer taken", afterAnswer.apply(confabCold),
                    afterAnswer.apply(confabStartup), afterAnswer.apply(confabWarm), afterAnswer.apply(chromiumCold),
                    afterAnswer.apply(chromiumWarm));
            notes.add(String.format(Locale.ROOT, "Across two NATs: alice and bob in their own network namespaces,"
                    + " each behind its own NAT (iptables MASQUERADE, endpoint-independent mapping), coturn answering"
                    + " STUN on the public segment, so the pair is found through server- and peer-reflexive"
                    + " candidates; each peer (a Confab JVM or a headless Chromium) in its host's namespace, driven"
                    + " from the benchmark through the same steps: a complete offer (gathering waited for), a complete"
                    + " answer, the offerer's times from starting to gather (so they include gathering: the complete"
                    + " offer was ready after %.1f ms for Confab, %.1f ms for Chromium, warm medians), and, in the rows counted from the answer taken, from the moment the"
                    + " offerer had the answer (connectivity checks and the DTLS handshake alone). The benchmark relays"
                    + " the two descriptions;"
                    + " the median time they spent in that relay is included in the figures: Confab %.1f ms cold /"
                    + " %.1f ms warm (stdin/stdout of the child JVMs), Chromium %.1f ms cold / %.1f ms warm"
                    + " (WebDriver).", sampleMedian(confabWarm, NatConnectTimes.Sample::offerReadyMillis),
                    sampleMedian(chromiumWarm, NatConnectTimes.Sample::offerReadyMillis), sampleMedian(confabCold,
                    NatConnectTimes.Sample::relayMillis), sampleMedian(confabWarm, NatConnectTimes.Sample::relayMillis),
                    sampleMedian(chromiumCold, NatConnectTimes.Sample::relayMillis),
                    sampleMedian(chromiumWarm, NatConnectTimes.Sample::relayMillis)));
        }
    }

    private static void addRows(List<String> rows, String where, List<ConnectTime> confabCold,
            List<ConnectTime> confabStartup, List<ConnectTime> confabWarm, List<ConnectTime> chromiumCold,
            List<ConnectTime> chromiumWarm) {
        rows.add(row("ICE connected, " + where + ", cold", confabCold, chromiumCold, ConnectTime::iceConnectedMillis));
        rows.add(row("DTLS connected, " + where + ", cold", confabCold, chromiumCold,
                ConnectTime::dtlsConnectedMillis));
        rows.add(row("ICE connected, " + where + ", first call after Confab's start-up warm-up / Chromium cold",
                confabStartup, chromiumCold, ConnectTime::iceConnectedMillis));
        rows.add(row("DTLS connected, " + where + ", first call after Confab's start-up warm-up / Chromium cold",
                confabStartup, chromiumCold, ConnectTime::dtlsConnectedMillis));
        rows.add(row("ICE connected, " + where + ", warm", confabWarm, chromiumWarm, ConnectTime::iceConnectedMillis));
        rows.add(row("DTLS connected, " + where + ", warm", confabWarm, chromiumWarm,
                ConnectTime::dtlsConnectedMillis));
    }

    private static List<ConnectTime> times(List<NatConnectTimes.Sample> samples) {
        return samples.stream().map(NatConnectTimes.Sample::time).toList();
    }

    private static double sampleMedian(List<NatConnectTimes.Sample> samples,
            ToDoubleFunction<NatConnectTimes.Sample> of) {
        return median(samples.stream().mapToDouble(of));
    }

    private static String row(String label, List<ConnectTime> confab, List<ConnectTime> chromium,
            ToDoubleFunction<ConnectTime> measure) {
        double confabMedian = median(confab, measure);
        double chromiumMedian = median(chromium, measure);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %d |", label, confabMedian, chromiumMedian,
                confabMedian / chromiumMedian, Math.min(confab.size(), chromium.size()));
    }

    static double median(List<ConnectTime> times, ToDoubleFunction<ConnectTime> measure) {
        return median(times.stream().mapToDouble(measure));
    }

    private static double median(DoubleStream stream) {
        double[] values = stream.sorted().toArray();
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
