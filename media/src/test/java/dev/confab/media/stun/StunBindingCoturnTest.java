package dev.confab.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.Coturn;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Binding request to a real coturn learns the client's own address, over IPv4 and IPv6 loopback. */
class StunBindingCoturnTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SplittableRandom random = new SplittableRandom(3478);

    @AfterEach
    void stopScheduler() throws InterruptedException {
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void ipv4() throws Exception {
        try (Coturn coturn = Coturn.start()) {
            bindingLearnsTheSocketsAddress(coturn);
        }
    }

    @Test
    void ipv6() throws Exception {
        try (Coturn coturn = Coturn.start(Coturn.Options.loopback().listeningOn("::1"))) {
            bindingLearnsTheSocketsAddress(coturn);
        }
    }

    private void bindingLearnsTheSocketsAddress(Coturn coturn) throws Exception {
        AtomicReference<StunClientTransactions> transactions = new AtomicReference<>();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(coturn.address().getAddress(), 0));
                UdpSocketOwner owner = UdpSocketOwner.wrap(socket, (buf, len, from) -> {
                    if (StunMessage.decode(buf, 0, len) instanceof StunDecoding.Decoded(StunMessage message)) {
                        transactions.get().receive(message, from);
                    }
                })) {
            transactions.set(new StunClientTransactions(owner.sender(), scheduler));
            StunMessage binding = StunMessage.request(StunMethod.BINDING, TransactionId.random(random));

            StunTransactionOutcome outcome = transactions.get().start(StunRequest.to(coturn.address(), binding))
                    .get(10, TimeUnit.SECONDS);

            assertThat(outcome).isInstanceOfSatisfying(StunTransactionOutcome.Response.class, response -> {
                assertThat(response.isSuccess()).isTrue();
                assertThat(response.source()).isEqualTo(coturn.address());
                assertThat(response.message().attribute(XorMappedAddress.class).orElseThrow().address())
                        .isEqualTo(owner.address());
                assertThat(response.message().attribute(Fingerprint.class)).as("coturn runs with --fingerprint")
                        .isPresent();
            });
            assertThat(owner.address().getAddress()).isEqualTo(InetAddress.getByName(coturn.address().getHostString()));
        }
    }
}
