package dev.confab.bench.calls;

import dev.confab.bench.WorkDirectory;
import dev.confab.testkit.PulseAudio;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures {@link DeviceLatency} in a fresh JVM ({@link DeviceLatencyMain}) whose environment names a PulseAudio socket
 * of its own in a temporary directory: Java Sound finds the server only through the environment a JVM starts with,
 * and the benchmark's own JVM, and the browsers and clients it starts, should not meet that server. Passes on what the
 * JVM prints as it goes and collects the phases. Stateless.
 */
final class DeviceLatencyJvm {
    private static final long SECONDS_PER_PHASE_BEYOND_BURSTS = 60;

    private DeviceLatencyJvm() {
    }

    /** What the measuring JVM found: the phases measured, and a line for each that could not be. */
    record Result(List<DevicePhase> phases, List<String> failures) {
        Result {
            phases = List.copyOf(phases);
            failures = List.copyOf(failures);
        }
    }

    /** For each line buffer size, the lines alone and then a call, {@code bursts} bursts after {@code warmUp}. */
    static Result measure(int warmUp, int bursts, List<Integer> bufferMillis) throws Exception {
        Path dir = Files.createTempDirectory("confab-bench-pulse");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                DeviceLatencyMain.class.getName(), Integer.toString(warmUp), Integer.toString(bursts)));
        bufferMillis.forEach(millis -> command.add(Integer.toString(millis)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("jvm.log").toFile());
        builder.environment().put(PulseAudio.SERVER_VARIABLE, "unix:" + dir.resolve("native"));
        builder.environment().put("PULSE_COOKIE", dir.resolve("cookie").toString());
        Process process = builder.start();
        long seconds = 2L * bufferMillis.size() * (warmUp + bursts + SECONDS_PER_PHASE_BEYOND_BURSTS);
        AtomicBoolean overdue = new AtomicBoolean();
        process.onExit().orTimeout(seconds, TimeUnit.SECONDS).exceptionally(timeout -> {
            overdue.set(true);
            process.destroyForcibly();
            return process;
        });
        try {
            List<DevicePhase> phases = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(DevicePhase.PREFIX)) {
                        phases.add(DevicePhase.parse(line));
                    } else if (line.startsWith(DeviceLatencyMain.FAILED)) {
                        failures.add(line.substring(DeviceLatencyMain.FAILED.length()));
                        System.out.println(line);
                    } else {
                        System.out.println(line);
                    }
                }
            }
            process.waitFor();
            if (overdue.get()) {
                throw new TimeoutException("the device latency JVM did not end within " + seconds + " s; its log ends:\n"
                        + tail(dir.resolve("jvm.log")));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the device latency JVM failed (exit " + process.exitValue()
                        + "); its log ends:\n" + tail(dir.resolve("jvm.log")));
            }
            return new Result(phases, failures);
        } finally {
            process.destroyForcibly();
            WorkDirectory.delete(dir);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
