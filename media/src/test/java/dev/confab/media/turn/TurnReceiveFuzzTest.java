package dev.confab.media.turn;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.confab.media.stun.ManualScheduler;
import dev.confab.testkit.FuzzFrames;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Jazzer fuzz target for what a TURN server (or anyone spoofing it) can send: an allocated client with a channel
 * bound to {@link #PEER} and a permission for its address takes each frame of the input (a 2-byte length, then that
 * many bytes) in {@link TurnClient#receive}. Nothing may throw, delivered data must lie within the frame, and every
 * frame is either used or counted as dropped. Seeds (in this test's Inputs directory) hold ChannelData for the bound
 * channel and a Data indication from the peer.
 */
class TurnReceiveFuzzTest {
    static final InetSocketAddress SERVER = address("127.0.0.1", 3478);
    static final InetSocketAddress PEER = address("127.0.0.1", 40000);

    @FuzzTest(maxDuration = "3m")
    void receive(byte[] input) {
        ManualScheduler scheduler = new ManualScheduler();
        ScriptedTurnServer server = new ScriptedTurnServer(address("127.0.0.1", 50000), address("127.0.0.1", 50001));
        int[] delivered = new int[1];
        TurnClient client = new TurnClient(SERVER, TurnClientConfig.of(new TurnCredentials("user", "password")), server,
                new TurnListener() {
                    @Override
                    public void onPeerData(InetSocketAddress peer, byte[] buf, int off, int len) {
                        assertThat(off + len).isLessThanOrEqualTo(buf.length);
                        delivered[0] += len;
                    }
                }, scheduler, new SplittableRandom(8656));
        settle(scheduler, server, client, client.allocate());
        settle(scheduler, server, client, client.bindChannel(PEER));
        settle(scheduler, server, client, client.createPermission(PEER.getAddress()));
        assertThat(client.state()).isEqualTo(TurnClient.State.ALLOCATED);

        int frames = 0;
        int bytes = 0;
        for (int at = 0; at < input.length; at = FuzzFrames.next(input, at)) {
            byte[] frame = FuzzFrames.frame(input, at);
            client.receive(frame, 0, frame.length);
            frames++;
            bytes += frame.length;
        }
        TurnStats stats = client.stats();
        assertThat(stats.channelDataReceived() + stats.dataIndicationsReceived() + stats.dropped()).isLessThanOrEqualTo(frames);
        assertThat(delivered[0]).isLessThanOrEqualTo(bytes);
    }

    private static void settle(ManualScheduler scheduler, ScriptedTurnServer server, TurnClient client,
            CompletableFuture<?> request) {
        do {
            scheduler.advance(Duration.ZERO);
        } while (server.deliver(client));
        scheduler.advance(Duration.ZERO);
        assertThat(request).isCompleted();
    }

    private static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
