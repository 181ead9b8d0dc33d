package dev.confab.bench.dtls;

import dev.confab.crypto.dtls.QueueDatagramLink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Two UDP sockets on 127.0.0.1 sending to each other, each feeding what it receives into a
 * {@link QueueDatagramLink} from a virtual thread, as the ICE transport will. One pair per handshake, so no datagram
 * of an earlier association reaches a later one.
 *
 * <p>Thread contract: made and closed by one thread; the links follow {@link QueueDatagramLink}'s contract.
 */
final class LoopbackPair implements AutoCloseable {

    final QueueDatagramLink a;
    final QueueDatagramLink b;
    private final DatagramChannel channelA;
    private final DatagramChannel channelB;

    LoopbackPair() throws IOException {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        channelA = DatagramChannel.open().bind(any);
        channelB = DatagramChannel.open().bind(any);
        channelA.connect(channelB.getLocalAddress());
        channelB.connect(channelA.getLocalAddress());
        a = new QueueDatagramLink((buf, off, len) -> channelA.write(ByteBuffer.wrap(buf, off, len)));
        b = new QueueDatagramLink((buf, off, len) -> channelB.write(ByteBuffer.wrap(buf, off, len)));
        Thread.ofVirtual().name("loopback-a").start(() -> pump(channelA, a));
        Thread.ofVirtual().name("loopback-b").start(() -> pump(channelB, b));
    }

    private static void pump(DatagramChannel channel, QueueDatagramLink link) {
        ByteBuffer buffer = ByteBuffer.allocate(link.receiveLimit() + 1);
        try {
            while (true) {
                buffer.clear();
                channel.receive(buffer);
                buffer.flip();
                link.deliver(buffer.array(), 0, buffer.limit());
            }
        } catch (IOException closed) {
            link.close();
        }
    }

    @Override
    public void close() throws IOException {
        a.close();
        b.close();
        channelA.close();
        channelB.close();
    }
}
