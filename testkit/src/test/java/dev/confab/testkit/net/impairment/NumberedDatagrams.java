package dev.confab.testkit.net.impairment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Test traffic on loopback: a sender that paces numbered, time-stamped datagrams and a receiver that records each
 * one's number and one-way delay (both ends in this JVM, so on one clock). Close it to stop the receiver. Thread-safe.
 */
final class NumberedDatagrams implements AutoCloseable {
    /** One datagram as it arrived: its number, when it was sent and when it arrived (System.nanoTime). */
    record Arrival(long number, long sentNanos, long arrivedNanos) {
        long delayNanos() {
            return arrivedNanos - sentNanos;
        }
    }

    private final DatagramSocket sender;
    private final DatagramSocket receiver;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Thread receiving;

    NumberedDatagrams() {
        try {
            sender = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            receiver.setReceiveBufferSize(4 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiving = new Thread(this::receive, "test-receiver");
        receiving.setDaemon(true);
        receiving.start();
    }

    /** Where the receiver listens: the relay's fixed peer on side B. */
    InetSocketAddress receiverAddress() {
        return (InetSocketAddress) receiver.getLocalSocketAddress();
    }

    /** The sending socket: side A's peer. */
    DatagramSocket sender() {
        return sender;
    }

    /** The receiving socket: side B's peer (it may send too; its receiving thread keeps reading). */
    DatagramSocket receiverSocket() {
        return receiver;
    }

    /** Sends {@code count} datagrams of {@code size} bytes numbered from {@code first}, one every {@code gapNanos}. */
    void send(InetSocketAddress to, long first, int count, int size, long gapNanos) {
        ByteBuffer payload = ByteBuffer.allocate(size);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(start + i * gapNanos - System.nanoTime());
            payload.clear();
            payload.putLong(first + i).putLong(System.nanoTime());
            try {
                sender.send(new DatagramPacket(payload.array(), size, to));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Everything received so far, in arrival order. */
    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    int arrived() {
        synchronized (arrivals) {
            return arrivals.size();
        }
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
    }

    private void receive() {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!receiver.isClosed()) {
            try {
                packet.setLength(buffer.length);
                receiver.receive(packet);
            } catch (IOException e) {
                return;
            }
            ByteBuffer data = ByteBuffer.wrap(buffer, 0, packet.getLength());
            long now = System.nanoTime();
            Arrival arrival = new Arrival(data.getLong(), data.getLong(), now);
            synchronized (arrivals) {
                arrivals.add(arrival);
            }
        }
    }
}
