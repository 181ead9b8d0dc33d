package dev.confab.media.stun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * A loopback UDP socket with a receive thread, standing in for the ICE agent that owns a candidate's socket: it hands
 * every datagram to a handler and offers its send side as a {@link DatagramSender}. {@link #close()} closes the socket
 * and ends the thread. Thread-safe.
 */
public final class UdpSocketOwner implements AutoCloseable {
    /** What the receive thread does with each datagram; {@code buf} is reused after the call returns. */
    @FunctionalInterface
    public interface Handler {
        void onDatagram(byte[] buf, int len, InetSocketAddress from);
    }

    private final DatagramSocket socket;
    private final Thread receiver;

    private UdpSocketOwner(DatagramSocket socket, Handler handler) {
        this.socket = socket;
        this.receiver = Thread.ofPlatform().daemon().name("udp-owner-" + socket.getLocalPort()).start(() -> {
            byte[] buf = new byte[65_536];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            while (!socket.isClosed()) {
                try {
                    packet.setLength(buf.length);
                    socket.receive(packet);
                    handler.onDatagram(buf, packet.getLength(), (InetSocketAddress) packet.getSocketAddress());
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    /** A socket on a free loopback port whose datagrams go to {@code handler}. */
    public static UdpSocketOwner open(Handler handler) {
        try {
            return wrap(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), handler);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes over a bound socket (closing it on {@link #close()}) and hands its datagrams to {@code handler}. */
    public static UdpSocketOwner wrap(DatagramSocket socket, Handler handler) {
        return new UdpSocketOwner(socket, handler);
    }

    /** The socket's address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Sends from this socket. */
    public DatagramSender sender() {
        return (buf, off, len, destination) -> socket.send(new DatagramPacket(buf, off, len, destination));
    }

    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
