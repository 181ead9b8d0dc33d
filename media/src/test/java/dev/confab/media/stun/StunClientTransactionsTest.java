package dev.confab.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** Retransmission timing (RFC 8489 section 6.2.1), response matching and integrity checks, on virtual time. */
class StunClientTransactionsTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 3478);
    private static final IntegrityKey KEY = IntegrityKey.shortTerm("remote-password");

    private final SplittableRandom random = new SplittableRandom(8489);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<Duration> sendTimes = new ArrayList<>();
    private final List<byte[]> sent = new ArrayList<>();
    private final StunClientTransactions transactions = new StunClientTransactions((buf, off, len, destination) -> {
        sendTimes.add(scheduler.now());
        sent.add(java.util.Arrays.copyOfRange(buf, off, off + len));
    }, scheduler);

    @Test
    void rfc8489TimersSendSevenTimesAndTimeOutAfter39500Milliseconds() {
        CompletableFuture<StunTransactionOutcome> outcome = transactions.start(binding());

        scheduler.advance(Duration.ofMillis(39_499));
        assertThat(outcome).isNotDone();
        scheduler.advance(Duration.ofMillis(1));

        assertThat(sendTimes).containsExactly(millis(0), millis(500), millis(1500), millis(3500), millis(7500),
                millis(15_500), millis(31_500));
        assertThat(outcome.join()).isEqualTo(new StunTransactionOutcome.TimedOut(7));
        assertThat(sent).allSatisfy(datagram -> assertThat(datagram).isEqualTo(sent.getFirst()));
        assertThat(RetransmissionPolicy.RFC_8489.timeout()).isEqualTo(millis(39_500));
        assertThat(transactions.pendingCount()).isZero();
        assertThat(scheduler.queued()).isZero();
    }

    @Test
    void configuredRtoRcAndRm() {
        RetransmissionPolicy policy = new RetransmissionPolicy(Duration.ofMillis(100), 3, 4);
        CompletableFuture<StunTransactionOutcome> outcome = transactions.start(binding().retransmitting(policy));

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(sendTimes).containsExactly(millis(0), millis(100), millis(300));
        assertThat(outcome.join()).isEqualTo(new StunTransactionOutcome.TimedOut(3));
        assertThat(policy.timeout()).isEqualTo(millis(700));
    }

    @Test
    void aResponseEndsTheTransactionAndStopsRetransmission() {
        StunRequest request = binding();
        CompletableFuture<StunTransactionOutcome> outcome = transactions.start(request);
        scheduler.advance(Duration.ofMillis(600));

        StunMessage response = decode(request.message().successResponse(new XorMappedAddress(SERVER)).encode(true));
        assertThat(transactions.receive(response, SERVER)).isTrue();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(outcome.join()).isEqualTo(new StunTransactionOutcome.Response(response, SERVER, false));
        assertThat(sendTimes).hasSize(2);
        assertThat(transactions.receive(response, SERVER)).as("a late duplicate").isFalse();
        assertThat(transactions.unmatchedResponses()).isEqualTo(1);
    }

    @Test
    void strayResponsesRequestsAndOtherMethodsDoNotMatch() {
        StunRequest request = binding();
        CompletableFuture<StunTransactionOutcome> outcome = transactions.start(request);
        TransactionId id = request.message().transactionId();

        assertThat(transactions.receive(decode(StunMessage.request(StunMethod.BINDING, id).encode()), SERVER)).isFalse();
        assertThat(transactions.receive(decode(StunMessage.request(StunMethod.ALLOCATE, id).successResponse().encode()),
                SERVER)).isFalse();
        assertThat(transactions.receive(decode(StunMessage.request(StunMethod.BINDING, TransactionId.random(random))
                .successResponse().encode()), SERVER)).isFalse();
        assertThat(outcome).isNotDone();
        assertThat(transactions.unmatchedResponses()).isEqualTo(2);
    }

    @Test
    void aSignedRequestOnlyAcceptsResponsesSignedWithItsKeyOrUnsignedErrors() {
        StunRequest request = binding().signedWith(KEY);
        CompletableFuture<StunTransactionOutcome> outcome = transactions.start(request);
        assertThat(decode(sent.getFirst()).verifyIntegrity(KEY)).isEqualTo(IntegrityVerdict.VALID);
        StunMessage success = request.message().successResponse(new XorMappedAddress(SERVER));

        assertThat(transactions.receive(decode(success.encode(IntegrityKey.shortTerm("forged"), true)), SERVER)).isFalse();
        assertThat(transactions.receive(decode(success.encode(true)), SERVER)).as("unsigned success").isFalse();
        assertThat(transactions.rejectedResponses()).isEqualTo(2);
        assertThat(outcome).isNotDone();

        StunMessage signed = decode(success.encode(KEY, true));
        assertThat(transactions.receive(signed, SERVER)).isTrue();
        assertThat(outcome.join()).isEqualTo(new StunTransactionOutcome.Response(signed, SERVER, true));

        StunRequest second = binding().signedWith(KEY);
        CompletableFuture<StunTransactionOutcome> unauthenticated = transactions.start(second);
        StunMessage error = decode(second.message().errorResponse(new ErrorCode(401, "Unauthorized")).encode(true));
        assertThat(transactions.receive(error, SERVER)).isTrue();
        assertThat(unauthenticated.join()).isInstanceOfSatisfying(StunTransactionOutcome.Response.class, response -> {
            assertThat(response.authenticated()).isFalse();
            assertThat(response.errorCode()).isEqualTo(401);
        });
    }

    @Test
    void aSendFailureEndsTheTransaction() {
        IOException noRoute = new NoRouteToHostException("no route");
        StunClientTransactions failing = new StunClientTransactions((buf, off, len, destination) -> {
            throw noRoute;
        }, scheduler);

        assertThat(failing.start(binding()).join()).isEqualTo(new StunTransactionOutcome.SendFailed(noRoute));
        assertThat(failing.pendingCount()).isZero();
    }

    @Test
    void aTransactionStartedAfterItsOwnerShutItsTimersDownIsCancelledWithoutSending() {
        // The app's start-up warm-up call, interrupted by a real call, shuts its timers down while a queued check of
        // its ICE agent may still start a transaction: that must end quietly, not throw on the agent's thread.
        ScheduledExecutorService stopped = Executors.newSingleThreadScheduledExecutor();
        stopped.shutdownNow();
        StunClientTransactions closing = new StunClientTransactions((buf, off, len, destination) -> sent.add(buf),
                stopped);

        assertThat(closing.start(binding()).join()).isEqualTo(new StunTransactionOutcome.Cancelled());
        assertThat(closing.pendingCount()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void cancelAndCloseEndPendingTransactions() {
        StunRequest first = binding();
        CompletableFuture<StunTransactionOutcome> cancelled = transactions.start(first);
        CompletableFuture<StunTransactionOutcome> closed = transactions.start(binding());

        assertThat(transactions.cancel(first.message().transactionId())).isTrue();
        transactions.close();

        assertThat(cancelled.join()).isEqualTo(new StunTransactionOutcome.Cancelled());
        assertThat(closed.join()).isEqualTo(new StunTransactionOutcome.Cancelled());
        assertThat(transactions.start(binding()).join()).isEqualTo(new StunTransactionOutcome.Cancelled());
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(sendTimes).hasSize(2);
    }

    private StunRequest binding() {
        return StunRequest.to(SERVER, StunMessage.request(StunMethod.BINDING, TransactionId.random(random)));
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    static StunMessage decode(byte[] datagram) {
        return StunRfcVectorsTest.decoded(datagram);
    }
}
