package dev.confab.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client transactions over real UDP sockets: retransmission carries a transaction through lost requests. */
class StunOverUdpTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() throws InterruptedException {
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theThirdCopyOfARequestIsAnsweredAfterTwoAreLost() throws Exception {
        List<TransactionId> seen = new CopyOnWriteArrayList<>();
        AtomicReference<UdpSocketOwner> responder = new AtomicReference<>();
        AtomicReference<StunClientTransactions> client = new AtomicReference<>();
        try (UdpSocketOwner server = UdpSocketOwner.open((buf, len, from) -> {
                    StunMessage request = StunClientTransactionsTest.decode(java.util.Arrays.copyOf(buf, len));
                    seen.add(request.transactionId());
                    if (seen.size() == 3) {
                        send(responder.get(), request.successResponse(new XorMappedAddress(from)).encode(true), from);
                    }
                });
                UdpSocketOwner owner = UdpSocketOwner.open((buf, len, from) -> {
                    if (StunMessage.decode(buf, 0, len) instanceof StunDecoding.Decoded(StunMessage message)) {
                        client.get().receive(message, from);
                    }
                })) {
            responder.set(server);
            client.set(new StunClientTransactions(owner.sender(), scheduler));
            StunMessage binding = StunMessage.request(StunMethod.BINDING, TransactionId.random(new SplittableRandom(7)));
            RetransmissionPolicy fast = new RetransmissionPolicy(Duration.ofMillis(50), 7, 16);

            CompletableFuture<StunTransactionOutcome> outcome =
                    client.get().start(StunRequest.to(server.address(), binding).retransmitting(fast));

            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(StunTransactionOutcome.Response.class,
                    response -> {
                        assertThat(response.source()).isEqualTo(server.address());
                        assertThat(response.message().attribute(XorMappedAddress.class))
                                .contains(new XorMappedAddress(owner.address()));
                    });
            assertThat(seen).hasSize(3).containsOnly(binding.transactionId());
        }
    }

    private static void send(UdpSocketOwner from, byte[] datagram, java.net.InetSocketAddress to) {
        try {
            from.sender().send(datagram, 0, datagram.length, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
