package dev.confab.bench.calls;

import dev.confab.testkit.PulseAudio;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM that measures {@link DeviceLatency}, started by {@link DeviceLatencyJvm} with {@code PULSE_SERVER} naming
 * the socket of the PulseAudio daemon it starts, so that Java Sound in it reaches that daemon (ALSA's pulse plugin
 * reads where the server is from the environment, once). Arguments: warm-up bursts, measured bursts, then the line
 * buffer sizes in milliseconds; for each size it measures the lines alone and then a call, printing each phase as a
 * {@link DevicePhase#line()}, or a line starting {@value #FAILED} if it could not be measured. Single-threaded.
 */
public final class DeviceLatencyMain {
    /** How the line of a phase that could not be measured starts. */
    static final String FAILED = "failed ";

    private DeviceLatencyMain() {
    }

    public static void main(String[] args) throws Exception {
        int warmUp = Integer.parseInt(args[0]);
        int bursts = Integer.parseInt(args[1]);
        List<Integer> buffers = Arrays.stream(args, 2, args.length).map(Integer::valueOf).toList();
        try (PulseAudio pulse = PulseAudio.start(); DeviceLatency latency = new DeviceLatency(pulse)) {
            for (int buffer : buffers) {
                for (DeviceRoute route : DeviceRoute.values()) {
                    System.out.println("Through PulseAudio devices: " + route + ", line buffers " + buffer + " ms, "
                            + bursts + " bursts after " + warmUp + "...");
                    try {
                        System.out.println(latency.measure(route, buffer, warmUp, bursts).line());
                    } catch (Exception e) {
                        System.out.println(FAILED + route + " " + buffer + " ms: " + e);
                    }
                }
            }
        }
        System.exit(0);
    }
}
