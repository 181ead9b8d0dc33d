package dev.confab.testkit.net.impairment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A userspace UDP relay that impairs what passes, because this kernel has no netem. It has two sockets: what the peer
 * of side A sends to {@link #addressA()} goes out of side B's socket to B's peer, and back the same way. A peer is
 * either fixed by the builder or learned as the source of the latest datagram on its side, so a client need only be
 * pointed at {@link #addressA()}. Each direction has its own {@link Impairment}, changeable while running, its own
 * seeded {@link ImpairmentModel} and its own counters. Held datagrams are bounded in bytes per direction. Runs on
 * four daemon threads (a receiver per socket, a sender per direction) until {@link #close()}. Thread-safe.
 */
public final class ImpairmentRelay implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65_535;
    private static final int SOCKET_BUFFER = 4 << 20;

    private final DatagramSocket socketA;
    private final DatagramSocket socketB;
    private final AtomicReference<SocketAddress> peerA;
    private final AtomicReference<SocketAddress> peerB;
    private final boolean learnA;
    private final boolean learnB;
    private final Map<Direction, DirectionPipeline> pipelines = new EnumMap<>(Direction.class);

    private ImpairmentRelay(Builder builder) throws IOException {
        socketA = open(builder.bind);
        try {
            socketB = open(builder.bind);
        } catch (IOException e) {
            socketA.close();
            throw e;
        }
        peerA = new AtomicReference<>(builder.peerA);
        peerB = new AtomicReference<>(builder.peerB);
        learnA = builder.peerA == null;
        learnB = builder.peerB == null;
        SplittableRandom seeds = new SplittableRandom(builder.seed);
        pipelines.put(Direction.A_TO_B, new DirectionPipeline("relay-a-to-b", seeds.nextLong(),
                builder.initial.get(Direction.A_TO_B), socketB, peerB::get, builder.maxHeldBytes));
        pipelines.put(Direction.B_TO_A, new DirectionPipeline("relay-b-to-a", seeds.nextLong(),
                builder.initial.get(Direction.B_TO_A), socketA, peerA::get, builder.maxHeldBytes));
        startReceiver("relay-recv-a", socketA, pipelines.get(Direction.A_TO_B), peerA, learnA);
        startReceiver("relay-recv-b", socketB, pipelines.get(Direction.B_TO_A), peerB, learnB);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where side A's peer sends (and hears from). */
    public InetSocketAddress addressA() {
        return (InetSocketAddress) socketA.getLocalSocketAddress();
    }

    /** Where side B's peer sends (and hears from). */
    public InetSocketAddress addressB() {
        return (InetSocketAddress) socketB.getLocalSocketAddress();
    }

    /** Applies {@code impairment} to datagrams of {@code direction} that arrive from now on. */
    public void impair(Direction direction, Impairment impairment) {
        pipelines.get(direction).impair(impairment);
    }

    /** Applies {@code impairment} to both directions. */
    public void impairBoth(Impairment impairment) {
        pipelines.values().forEach(p -> p.impair(impairment));
    }

    public Impairment impairment(Direction direction) {
        return pipelines.get(direction).impairment();
    }

    public RelayCounters counters(Direction direction) {
        return pipelines.get(direction).counters();
    }

    /** Closes both sockets and stops the threads; held datagrams are discarded. */
    @Override
    public void close() {
        socketA.close();
        socketB.close();
        pipelines.values().forEach(DirectionPipeline::close);
    }

    private static DatagramSocket open(InetAddress bind) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bind, 0));
        socket.setReceiveBufferSize(SOCKET_BUFFER);
        socket.setSendBufferSize(SOCKET_BUFFER);
        return socket;
    }

    private static void startReceiver(String name, DatagramSocket socket, DirectionPipeline pipeline,
            AtomicReference<SocketAddress> peer, boolean learn) {
        Thread thread = new Thread(() -> receiveLoop(socket, pipeline, peer, learn), name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void receiveLoop(DatagramSocket socket, DirectionPipeline pipeline,
            AtomicReference<SocketAddress> peer, boolean learn) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            long now = System.nanoTime();
            if (learn) {
                peer.set(packet.getSocketAddress());
            }
            pipeline.accept(buffer, packet.getLength(), now);
        }
    }

    /** Chooses the sockets' address, the peers, the seed and the first impairments. Not thread-safe. */
    public static final class Builder {
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private InetSocketAddress peerA;
        private InetSocketAddress peerB;
        private long seed;
        private long maxHeldBytes = 16L << 20;
        private final Map<Direction, Impairment> initial = new EnumMap<>(Map.of(
                Direction.A_TO_B, Impairment.NONE, Direction.B_TO_A, Impairment.NONE));

        private Builder() {}

        /** The address both sockets bind to (ephemeral ports); loopback by default. */
        public Builder bind(InetAddress address) {
            this.bind = address;
            return this;
        }

        /** Always send side A's datagrams to {@code peer}, instead of learning the address. */
        public Builder peerA(InetSocketAddress peer) {
            this.peerA = peer;
            return this;
        }

        /** Always send side B's datagrams to {@code peer}, instead of learning the address. */
        public Builder peerB(InetSocketAddress peer) {
            this.peerB = peer;
            return this;
        }

        /** The seed of both directions' fates (each derives its own from it); 0 by default. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder impair(Direction direction, Impairment impairment) {
            initial.put(direction, impairment);
            return this;
        }

        /** The most bytes one direction holds waiting; more are counted as overflowed. 16 MiB by default. */
        public Builder maxHeldBytes(long bytes) {
            if (bytes < MAX_DATAGRAM) {
                throw new IllegalArgumentException("Hold at least one largest datagram: " + bytes);
            }
            this.maxHeldBytes = bytes;
            return this;
        }

        /** Opens the sockets and starts relaying. */
        public ImpairmentRelay start() {
            try {
                return new ImpairmentRelay(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the relay's sockets on " + bind, e);
            }
        }
    }
}
