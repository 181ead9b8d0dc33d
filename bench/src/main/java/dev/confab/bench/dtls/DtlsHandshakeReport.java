package dev.confab.bench.dtls;

import dev.confab.bench.MarkdownReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * DTLS handshake time in one run: cold (the first operation in each of several fresh JVMs, class loading and JIT
 * included) and warm (sampled after warm-up), as medians, written as a Markdown table. Run by
 * {@code scripts/bench-dtls.sh}.
 */
@Command(name = "bench-dtls", mixinStandardHelpOptions = true,
        description = "DTLS-SRTP handshake time on UDP loopback, cold and warm medians.")
public final class DtlsHandshakeReport implements Callable<Integer> {
    @Option(names = "--cold-forks", description = "Fresh JVMs for the cold figure. Default: ${DEFAULT-VALUE}.")
    int coldForks = 9;
    @Option(names = "--seconds", description = "Seconds per warm iteration (5 warm-up, 5 measured). "
            + "Default: ${DEFAULT-VALUE}.")
    int seconds = 2;
    @Option(names = "--report", description = "Where to write the table. Default: ${DEFAULT-VALUE}.")
    Path report = Path.of("bench", "target", "dtls-report.md");

    public static void main(String[] args) {
        System.exit(new CommandLine(new DtlsHandshakeReport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.println("Cold: the first operation in each of " + coldForks + " fresh JVMs...");
        Map<String, Statistics> cold = byMethod(run(new OptionsBuilder()
                .mode(Mode.SingleShotTime).forks(coldForks)
                .warmupIterations(0).measurementIterations(1).measurementBatchSize(1)));
        System.out.println("Warm: sampled over 5 iterations of " + seconds + " s after 5 of warm-up...");
        Map<String, Statistics> warm = byMethod(run(new OptionsBuilder()
                .mode(Mode.SampleTime).forks(1)
                .warmupIterations(5).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(5).measurementTime(TimeValue.seconds(seconds))));

        List<String> rows = new ArrayList<>(List.of(
                "| operation | cold, median (ms) | warm, median (ms) | warm, p90 (ms) | warm samples |",
                "| --- | ---: | ---: | ---: | ---: |"));
        Map<String, String> names = new LinkedHashMap<>();
        names.put("handshake", "handshake (certificates made before)");
        names.put("certificatesAndHandshake", "two per-call certificates + handshake");
        names.put("certificate", "one ECDSA P-256 certificate");
        names.forEach((method, label) -> rows.add("| %s | %.2f | %.2f | %.2f | %,d |".formatted(label,
                cold.get(method).getPercentile(50), warm.get(method).getPercentile(50),
                warm.get(method).getPercentile(90), warm.get(method).getN())));
        rows.add("");
        rows.add("Both endpoints in one JVM on " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", UDP over 127.0.0.1, all four SRTP profiles offered; "
                + "cold = first operation in each of " + coldForks + " fresh JVMs.");
        String table = String.join("\n", rows);
        MarkdownReport.publish(table, report);
        return 0;
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.include(DtlsHandshakeBenchmark.class.getName()).threads(1)
                .jvmArgsAppend("-Xmx1g").build()).run();
    }

    /** Each benchmark method's statistics in milliseconds, every fork's samples merged. */
    private static Map<String, Statistics> byMethod(Collection<RunResult> results) {
        Map<String, Statistics> byMethod = new LinkedHashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            byMethod.put(benchmark.substring(benchmark.lastIndexOf('.') + 1),
                    result.getAggregatedResult().getPrimaryResult().getStatistics());
        }
        return byMethod;
    }
}
