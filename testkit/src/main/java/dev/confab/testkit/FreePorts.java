package dev.confab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Finds TCP and UDP ports nobody listens on, for servers and peers a test starts. Thread-safe. */
public final class FreePorts {
    private FreePorts() {}

    /** A loopback TCP port that was free a moment ago (the caller binds it right away). */
    public static int tcp() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on loopback", e);
        }
    }

    /** An even loopback UDP port that was free a moment ago, with the next one free too (RTP and RTCP). */
    public static int udpPair() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                port = probe.getLocalPort() & ~1;
            } catch (IOException e) {
                throw new UncheckedIOException("No free UDP port on loopback", e);
            }
            if (port >= 1024 && free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("No free pair of UDP ports on loopback");
    }

    /** Whether some process has a UDP socket bound to {@code port} (from /proc/net/udp and udp6; Linux). */
    public static boolean udpBound(int port) {
        String hex = String.format(Locale.ROOT, ":%04X", port);
        for (String table : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
            try {
                Path path = Path.of(table);
                if (Files.exists(path) && Files.readAllLines(path).stream().skip(1)
                        .anyMatch(line -> line.trim().split("\\s+")[1].endsWith(hex))) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + table, e);
            }
        }
        return false;
    }

    private static boolean free(int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return probe.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
