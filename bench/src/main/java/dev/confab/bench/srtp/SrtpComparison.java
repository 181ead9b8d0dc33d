package dev.confab.bench.srtp;

import dev.confab.bench.MarkdownReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Confab's SRTP beside libsrtp2's, in one run on one machine: the C benchmark first, then the JMH benchmark, each
 * measure the median of its trials, printed as a Markdown table with the ratio. Run by {@code scripts/bench-srtp.sh}.
 */
@Command(name = "bench-srtp", mixinStandardHelpOptions = true,
        description = "SRTP protect/unprotect packets per second: Confab (JMH) beside libsrtp2 (C), one run.")
public final class SrtpComparison implements Callable<Integer> {
    @Option(names = "--libsrtp-bench", required = true, description = "The compiled srtp_bench binary.")
    Path binary;
    @Option(names = "--trials", description = "Measured trials (iterations) per measure. Default: ${DEFAULT-VALUE}.")
    int trials = 5;
    @Option(names = "--seconds", description = "Seconds per trial. Default: ${DEFAULT-VALUE}.")
    double seconds = 1.0;
    @Option(names = "--report", description = "Where to write the table. Default: ${DEFAULT-VALUE}.")
    Path report = Path.of("bench", "target", "srtp-report.md");

    public static void main(String[] args) {
        System.exit(new CommandLine(new SrtpComparison()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.println("libsrtp2 (C, " + trials + " trials of " + seconds + " s per measure)...");
        LibSrtpBench.Result libsrtp = LibSrtpBench.run(binary, seconds, trials);
        System.out.println("Confab (JMH, 3 warm-up and " + trials + " measured iterations of " + seconds + " s)...");
        Collection<RunResult> confab = new Runner(new OptionsBuilder()
                .include(SrtpBenchmark.class.getName())
                .forks(1).threads(1)
                .warmupIterations(3).warmupTime(TimeValue.milliseconds((long) (seconds * 1000)))
                .measurementIterations(trials).measurementTime(TimeValue.milliseconds((long) (seconds * 1000)))
                .jvmArgsAppend("-Xmx1g")
                .build()).run();

        List<String> rows = new ArrayList<>(List.of(
                "| profile | operation | payload (bytes) | Confab (packets/s) | libsrtp2 (packets/s) | Confab / libsrtp2 |",
                "| --- | --- | ---: | ---: | ---: | ---: |"));
        for (RunResult result : sorted(confab)) {
            String profile = result.getParams().getParam("profile");
            int payload = Integer.parseInt(result.getParams().getParam("payload"));
            String operation = result.getParams().getBenchmark().substring(result.getParams().getBenchmark().lastIndexOf('.') + 1);
            double ours = median(result);
            Double theirs = libsrtp.rates().get(LibSrtpBench.key(profile, operation, payload));
            rows.add("| %s | %s | %d | %,.0f | %s | %s |".formatted(profile, operation, payload, ours,
                    theirs == null ? "-" : "%,.0f".formatted(theirs), theirs == null ? "-" : "%.2f".formatted(ours / theirs)));
        }
        rows.add("");
        rows.add("libsrtp2: " + libsrtp.version() + "; Confab on " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + "; medians of " + trials + " trials of " + seconds + " s.");
        String table = String.join("\n", rows);
        MarkdownReport.publish(table, report);
        return 0;
    }

    private static List<RunResult> sorted(Collection<RunResult> results) {
        List<RunResult> list = new ArrayList<>(results);
        list.sort((a, b) -> {
            int p = Integer.compare(profileOrder(a), profileOrder(b));
            if (p != 0) {
                return p;
            }
            int s = -Integer.compare(Integer.parseInt(a.getParams().getParam("payload")),
                    Integer.parseInt(b.getParams().getParam("payload")));
            return s != 0 ? s : b.getParams().getBenchmark().compareTo(a.getParams().getBenchmark());
        });
        return list;
    }

    private static int profileOrder(RunResult r) {
        return dev.confab.crypto.srtp.SrtpProfile.valueOf(r.getParams().getParam("profile")).ordinal();
    }

    /** The median of the measured iterations' scores (packets per second). */
    private static double median(RunResult result) {
        double[] scores = result.getBenchmarkResults().stream()
                .flatMap(b -> b.getIterationResults().stream())
                .mapToDouble(i -> i.getPrimaryResult().getScore())
                .toArray();
        Arrays.sort(scores);
        return scores.length % 2 == 1 ? scores[scores.length / 2]
                : (scores[scores.length / 2 - 1] + scores[scores.length / 2]) / 2;
    }
}
