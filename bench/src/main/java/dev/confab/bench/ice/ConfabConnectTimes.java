package dev.confab.bench.ice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Confab's connect times on loopback. With {@code cold} it measures the first call set-up of this fresh JVM and
 * prints {@code ice-ms dtls-ms}; with {@code warm N M} it sets up N calls to warm up, then prints one line per
 * measured call. {@link ConnectTimeReport} starts it.
 */
public final class ConfabConnectTimes {

    private ConfabConnectTimes() {
    }

    public static void main(String[] args) throws Exception {
        boolean cold = args.length == 0 || args[0].equals("cold");
        int warmUp = cold ? 0 : Integer.parseInt(args[1]);
        int measured = cold ? 1 : Integer.parseInt(args[2]);
        List<ConnectTime> times = new ArrayList<>();
        try (LoopbackConnect connect = new LoopbackConnect()) {
            for (int i = 0; i < warmUp + measured; i++) {
                ConnectTime time = connect.measure();
                if (i >= warmUp) {
                    times.add(time);
                }
            }
        }
        for (ConnectTime time : times) {
            System.out.printf(Locale.ROOT, "%.3f %.3f%n", time.iceConnectedMillis(), time.dtlsConnectedMillis());
        }
        System.exit(0);
    }
}
