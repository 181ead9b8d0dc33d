package dev.confab.media.turn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.stun.UdpSocketOwner;
import dev.confab.testkit.Coturn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TURN client on its own loopback socket, wired as the ICE agent will wire it: the socket's receive thread hands
 * datagrams from the TURN server to {@link TurnClient#receive}; peer data and losses are recorded. Two scheduler
 * threads, so the client's serial queue is exercised. {@link #close()} closes client, socket and scheduler.
 */
final class TurnTestbed implements AutoCloseable {
    /** A datagram a peer sent through the relay. */
    record PeerData(InetSocketAddress peer, byte[] bytes) {}

    final TurnClient client;
    final List<PeerData> peerData = new CopyOnWriteArrayList<>();
    final List<TurnException> losses = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final UdpSocketOwner socket;

    TurnTestbed(Coturn coturn, TurnClientConfig config) {
        AtomicReference<TurnClient> owner = new AtomicReference<>();
        this.socket = UdpSocketOwner.open((buf, len, from) -> {
            if (from.equals(coturn.address())) {
                owner.get().receive(buf, 0, len);
            }
        });
        this.client = new TurnClient(coturn.address(), config, socket.sender(), new TurnListener() {
            @Override
            public void onPeerData(InetSocketAddress peer, byte[] buf, int off, int len) {
                peerData.add(new PeerData(peer, Arrays.copyOfRange(buf, off, off + len)));
            }

            @Override
            public void onAllocationLost(TurnException cause) {
                losses.add(cause);
            }
        }, scheduler, new SplittableRandom(8656));
        owner.set(client);
    }

    /** Credentials for user "alice" from the server's secret, valid for an hour. */
    static TurnCredentials credentials(Coturn coturn) {
        return TurnRestCredentials.issue(coturn.secret(), "alice", Instant.now().plus(Duration.ofHours(1)));
    }

    /** A test bed whose client uses valid credentials and fast retransmission. */
    static TurnTestbed allocated(Coturn coturn, TurnClientConfig config) throws Exception {
        TurnTestbed testbed = new TurnTestbed(coturn, config);
        done(testbed.client.allocate());
        return testbed;
    }

    static TurnClientConfig config(Coturn coturn) {
        return TurnClientConfig.of(credentials(coturn));
    }

    /** The client socket's address: what the server sees as the client's. */
    InetSocketAddress address() {
        return socket.address();
    }

    /** A future's value, within 10 s. */
    static <T> T done(CompletableFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(10, TimeUnit.SECONDS);
    }

    static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public void close() {
        client.close();
        socket.close();
        scheduler.shutdownNow();
        try {
            assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
