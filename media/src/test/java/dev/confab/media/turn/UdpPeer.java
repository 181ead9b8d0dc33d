package dev.confab.media.turn;

import dev.confab.media.stun.UdpSocketOwner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plain UDP peer on loopback, as a remote ICE agent would be: records what it receives and can answer. */
final class UdpPeer implements AutoCloseable {
    /** One datagram and where it came from. */
    record Received(InetSocketAddress from, byte[] bytes) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final UdpSocketOwner socket = UdpSocketOwner.open(
            (buf, len, from) -> received.add(new Received(from, Arrays.copyOf(buf, len))));

    InetSocketAddress address() {
        return socket.address();
    }

    List<Received> received() {
        return received;
    }

    void send(byte[] datagram, InetSocketAddress to) throws IOException {
        socket.sender().send(datagram, 0, datagram.length, to);
    }

    @Override
    public void close() {
        socket.close();
    }
}
