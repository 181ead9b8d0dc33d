package dev.confab.testkit.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A scriptable UDP socket to run in a lab host with {@link Host#startJvm}: tests use it to check what gets through a
 * NAT or a cut link, and to flood a throttled link. One socket, driven by {@link ControlLoop} commands:
 * <ul>
 *   <li>{@code bind PORT} (0 for any) on every address, or {@code bind ADDRESS PORT} on one (a multi-homed host's
 *       {@code eth1} address, say) → {@code bound PORT}</li>
 *   <li>{@code send ADDRESS PORT TEXT} → {@code sent}</li>
 *   <li>{@code recv TIMEOUT_MS} → {@code got ADDRESS PORT TEXT} or {@code timeout}</li>
 *   <li>{@code reply TEXT}: to the source of the last datagram received → {@code sent}</li>
 *   <li>{@code flood ADDRESS PORT PAYLOAD_BYTES BITS_PER_SECOND MILLIS}: paced datagrams → {@code flooded PACKETS}</li>
 *   <li>{@code count IDLE_MS}: receive until nothing came for IDLE_MS after the first datagram (which it awaits for
 *       up to 10 s; the whole count takes at most 60 s) →
 *       {@code counted PACKETS BYTES NANOS_FIRST_TO_LAST}</li>
 * </ul>
 * Not thread-safe: the control loop calls it from one thread.
 */
public final class UdpProbe {
    private static final long COUNT_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int FIRST_DATAGRAM_MILLIS = 10_000;

    private final byte[] buffer = new byte[65_535];
    private DatagramSocket socket;
    private SocketAddress lastSource;

    private UdpProbe() {}

    public static void main(String[] args) {
        UdpProbe probe = new UdpProbe();
        ControlLoop.run(probe::handle);
    }

    private String handle(String command) {
        String[] words = command.split(" ", 4);
        try {
            return switch (words[0]) {
                case "bind" -> bind(words.length > 2
                        ? new InetSocketAddress(InetAddress.getByName(words[1]), Integer.parseInt(words[2]))
                        : new InetSocketAddress(Integer.parseInt(words[1])));
                case "send" -> send(new InetSocketAddress(InetAddress.getByName(words[1]), Integer.parseInt(words[2])),
                        words.length > 3 ? words[3] : "");
                case "recv" -> receive(Integer.parseInt(words[1]));
                case "reply" -> send(requireSource(), command.substring("reply".length()).strip());
                case "flood" -> flood(command.split(" "));
                case "count" -> count(Integer.parseInt(words[1]));
                default -> throw new IllegalArgumentException("unknown command: " + command);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private String bind(InetSocketAddress local) throws IOException {
        if (socket != null) {
            socket.close();
        }
        socket = new DatagramSocket(local);
        return "bound " + socket.getLocalPort();
    }

    private String send(SocketAddress to, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        requireSocket().send(new DatagramPacket(bytes, bytes.length, to));
        return "sent";
    }

    private String receive(int timeoutMillis) throws IOException {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        requireSocket().setSoTimeout(timeoutMillis);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return "timeout";
        }
        lastSource = packet.getSocketAddress();
        return "got " + packet.getAddress().getHostAddress() + " " + packet.getPort() + " "
                + new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    private String flood(String[] words) throws IOException {
        InetSocketAddress to = new InetSocketAddress(InetAddress.getByName(words[1]), Integer.parseInt(words[2]));
        int size = Integer.parseInt(words[3]);
        long bitsPerSecond = Long.parseLong(words[4]);
        long durationNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(words[5]));
        long gapNanos = TimeUnit.SECONDS.toNanos(1) * size * 8 / bitsPerSecond;
        DatagramPacket packet = new DatagramPacket(new byte[size], size, to);
        long start = System.nanoTime();
        long sent = 0;
        for (long next = start; next - start < durationNanos; next += gapNanos) {
            LockSupport.parkNanos(next - System.nanoTime());
            requireSocket().send(packet);
            sent++;
        }
        return "flooded " + sent;
    }

    private String count(int idleMillis) throws IOException {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        requireSocket().setSoTimeout(FIRST_DATAGRAM_MILLIS);
        long packets = 0;
        long bytes = 0;
        long first = 0;
        long last = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < COUNT_LIMIT_NANOS) {
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            last = System.nanoTime();
            if (packets++ == 0) {
                first = last;
                socket.setSoTimeout(idleMillis);
            }
            bytes += packet.getLength();
        }
        return "counted " + packets + " " + bytes + " " + (last - first);
    }

    private DatagramSocket requireSocket() {
        if (socket == null) {
            throw new IllegalStateException("bind first");
        }
        return socket;
    }

    private SocketAddress requireSource() {
        if (lastSource == null) {
            throw new IllegalStateException("nothing received yet");
        }
        return lastSource;
    }
}
