package dev.confab.media.turn;

import static dev.confab.media.turn.TurnTestbed.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.Coturn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Datagrams between a TURN client and a plain UDP peer through a real coturn, both ways, on both paths. */
class TurnRelayTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final CoturnExtension COTURN = new CoturnExtension(Coturn.Options.loopback());
    private final Coturn coturn = COTURN.coturn();

    @Test
    void throughABoundChannel() throws Exception {
        try (TurnTestbed testbed = TurnTestbed.allocated(coturn, TurnTestbed.config(coturn));
                UdpPeer peer = new UdpPeer()) {
            assertThat(done(testbed.client.bindChannel(peer.address()))).isEqualTo(ChannelData.FIRST_CHANNEL);
            assertThat(done(testbed.client.bindChannel(peer.address()))).as("bound once")
                    .isEqualTo(ChannelData.FIRST_CHANNEL);

            roundTrip(testbed, peer, "over the channel");

            assertThat(testbed.client.stats().channelDataSent()).isEqualTo(1);
            assertThat(testbed.client.stats().channelDataReceived()).isEqualTo(1);
            assertThat(testbed.client.stats().sendIndicationsSent()).isZero();
        }
    }

    @Test
    void throughSendAndDataIndications() throws Exception {
        try (TurnTestbed testbed = TurnTestbed.allocated(coturn, TurnTestbed.config(coturn));
                UdpPeer peer = new UdpPeer()) {
            done(testbed.client.createPermission(peer.address().getAddress()));

            roundTrip(testbed, peer, "in indications");

            assertThat(testbed.client.stats().sendIndicationsSent()).isEqualTo(1);
            assertThat(testbed.client.stats().dataIndicationsReceived()).isEqualTo(1);
            assertThat(testbed.client.stats().channelDataSent()).isZero();
        }
    }

    @Test
    void paddedChannelDataArrivesUnpadded() throws Exception {
        TurnClientConfig padded = TurnTestbed.config(coturn).withPaddedChannelData(true);
        try (TurnTestbed testbed = TurnTestbed.allocated(coturn, padded); UdpPeer peer = new UdpPeer()) {
            done(testbed.client.bindChannel(peer.address()));

            roundTrip(testbed, peer, "five"); // 4 bytes: no padding
            roundTrip(testbed, peer, "seven!!"); // 7 bytes: one byte of padding
        }
    }

    @Test
    void nothingIsSentToAPeerWithoutPermission() throws Exception {
        try (TurnTestbed testbed = TurnTestbed.allocated(coturn, TurnTestbed.config(coturn))) {
            InetSocketAddress stranger = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 9);
            byte[] data = {1, 2, 3};

            assertThat(testbed.client.sendToPeer(stranger, data, 0, data.length)).isFalse();
            assertThat(testbed.client.stats().unsentNoPermission()).isEqualTo(1);
        }
    }

    /** The client sends {@code text} to the peer, which must see it come from the relayed address, and answers. */
    static void roundTrip(TurnTestbed testbed, UdpPeer peer, String text) throws Exception {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        int before = peer.received().size();
        int answersBefore = testbed.peerData.size();
        InetSocketAddress relayed = testbed.client.allocation().orElseThrow().relayed();

        assertThat(testbed.client.sendToPeer(peer.address(), out, 0, out.length)).isTrue();

        await("peer receiving '" + text + "'").atMost(WAIT).until(() -> peer.received().size() > before);
        UdpPeer.Received got = peer.received().get(before);
        assertThat(got.from()).isEqualTo(relayed);
        assertThat(new String(got.bytes(), StandardCharsets.UTF_8)).isEqualTo(text);

        byte[] answer = ("re: " + text).getBytes(StandardCharsets.UTF_8);
        peer.send(answer, relayed);

        await("client receiving the answer to '" + text + "'").atMost(WAIT)
                .until(() -> testbed.peerData.size() > answersBefore);
        TurnTestbed.PeerData back = testbed.peerData.get(answersBefore);
        assertThat(back.peer()).isEqualTo(peer.address());
        assertThat(back.bytes()).isEqualTo(answer);
    }
}
