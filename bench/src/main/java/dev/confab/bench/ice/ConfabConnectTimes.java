package dev.confab.bench.ice;

import dev.confab.media.transport.LoopbackCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Confab's connect times on loopback. With {@code cold} it measures the first call set-up of this fresh JVM and
 * prints {@code ice-ms dtls-ms}; with {@code startup} it first runs the app's start-up warm-up
 * ({@link LoopbackCall#warmUp}, not timed), then measures the first call after it; with {@code warm N M} it sets up N
 * calls to warm up, then prints one line per measured call. {@link ConnectTimeReport} starts it.
 */
public final class ConfabConnectTimes {

    private ConfabConnectTimes() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "cold" : args[0];
        boolean warm = mode.equals("warm");
        int warmUp = warm ? Integer.parseInt(args[1]) : 0;
        int measured = warm ? Integer.parseInt(args[2]) : 1;
        if (mode.equals("startup")) {
            LoopbackCall.warmUp();
        }
        List<ConnectTime> times = new ArrayList<>();
        try (LoopbackCall call = new LoopbackCall()) {
            for (int i = 0; i < warmUp + measured; i++) {
                LoopbackCall.Times time = call.measure();
                if (i >= warmUp) {
                    times.add(new ConnectTime(time.iceConnectedNanos() / 1e6, time.dtlsConnectedNanos() / 1e6));
                }
            }
        }
        for (ConnectTime time : times) {
            System.out.printf(Locale.ROOT, "%.3f %.3f%n", time.iceConnectedMillis(), time.dtlsConnectedMillis());
        }
        System.exit(0);
    }
}
