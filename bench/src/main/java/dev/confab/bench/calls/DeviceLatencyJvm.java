package dev.confab.bench.calls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures {@link DeviceLatency} in a fresh JVM ({@link DeviceLatencyMain}) with a PulseAudio of its own
 * ({@link PulseJvm}), and collects the phases. Stateless.
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
        List<String> args = new ArrayList<>(List.of(Integer.toString(warmUp), Integer.toString(bursts)));
        bufferMillis.forEach(millis -> args.add(Integer.toString(millis)));
        long seconds = 2L * bufferMillis.size() * (warmUp + bursts + SECONDS_PER_PHASE_BEYOND_BURSTS);
        List<DevicePhase> phases = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String line : PulseJvm.run(DeviceLatencyMain.class, args, Duration.ofSeconds(seconds),
                line -> line.startsWith(DevicePhase.PREFIX) || line.startsWith(DeviceLatencyMain.FAILED))) {
            if (line.startsWith(DevicePhase.PREFIX)) {
                phases.add(DevicePhase.parse(line));
            } else {
                failures.add(line.substring(DeviceLatencyMain.FAILED.length()));
                System.out.println(line);
            }
        }
        return new Result(phases, failures);
    }
}
