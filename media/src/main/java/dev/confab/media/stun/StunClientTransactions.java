package dev.confab.media.stun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * STUN client transactions over UDP (RFC 8489 section 6.2.1), without a socket of their own: {@link #start} sends a
 * request through a {@link DatagramSender} and retransmits it on timers of the given scheduler, the socket's owner
 * feeds every STUN response it receives to {@link #receive}, and the transaction whose id and method it matches ends.
 *
 * <p>For a signed request, a response is accepted only if it passes the request's integrity key, with one exception
 * RFC 8489 sections 9.1.5 and 9.2.5 make: an error response without integrity (a TURN server's 401 or 438) is
 * accepted, marked unauthenticated. A response with bad integrity is dropped as if never received, and counted.
 *
 * <p>Thread contract: thread-safe. Any thread may call any method; the internal lock is never held while sending.
 * A transaction's future completes on the thread that ended it: the caller of {@link #receive}, {@link #cancel} or
 * {@link #close}, or the scheduler's thread for timeouts and send failures on retransmission. Callers that keep state
 * should continue with {@code whenCompleteAsync(..., theirExecutor)}.
 */
public final class StunClientTransactions implements AutoCloseable {
    private final DatagramSender sender;
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();
    private final Map<TransactionId, Transaction> pending = new HashMap<>();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private boolean closed;

    /** State of one transaction; mutable fields are guarded by {@link #lock}. */
    private static final class Transaction {
        final StunRequest request;
        final byte[] datagram;
        final CompletableFuture<StunTransactionOutcome> future = new CompletableFuture<>();
        int transmissions;
        ScheduledFuture<?> timer;
        boolean done;

        Transaction(StunRequest request) {
            this.request = request;
            this.datagram = request.encode();
        }
    }

    public StunClientTransactions(DatagramSender sender, ScheduledExecutorService scheduler) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Sends the request now and retransmits it until a response, a timeout, a send failure or cancellation ends it.
     * After {@link #close}, or once the scheduler was shut down, returns an already cancelled outcome and sends
     * nothing.
     *
     * @throws IllegalArgumentException if a pending transaction already has this transaction id
     */
    public CompletableFuture<StunTransactionOutcome> start(StunRequest request) {
        Transaction transaction = new Transaction(request);
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.completedFuture(new StunTransactionOutcome.Cancelled());
            }
            if (pending.putIfAbsent(request.message().transactionId(), transaction) != null) {
                throw new IllegalArgumentException("transaction id in use: " + request.message().transactionId());
            }
        }
        transmit(transaction);
        return transaction.future;
    }

    /**
     * Offers a received STUN message. Ends the transaction it answers if the id and method match and its integrity
     * passes.
     *
     * @param message a message from {@link StunMessage#decode}, whose bytes integrity is checked against
     * @param source  where the datagram came from
     * @return whether it ended a transaction; false for non-responses, strays, late duplicates and forgeries
     */
    public boolean receive(StunMessage message, InetSocketAddress source) {
        if (!message.messageClass().isResponse()) {
            return false;
        }
        Transaction transaction;
        synchronized (lock) {
            transaction = pending.get(message.transactionId());
        }
        if (transaction == null || !transaction.request.message().method().equals(message.method())) {
            unmatched.incrementAndGet();
            return false;
        }
        boolean authenticated = false;
        if (transaction.request.key().isPresent()) {
            IntegrityVerdict verdict = message.verifyIntegrity(transaction.request.key().get());
            boolean unsignedError = verdict == IntegrityVerdict.ABSENT
                    && message.messageClass() == StunClass.ERROR_RESPONSE;
            if (verdict != IntegrityVerdict.VALID && !unsignedError) {
                rejected.incrementAndGet();
                return false;
            }
            authenticated = verdict == IntegrityVerdict.VALID;
        }
        return finish(transaction, new StunTransactionOutcome.Response(message, source, authenticated));
    }

    /** Ends a pending transaction with {@link StunTransactionOutcome.Cancelled}; false if none has this id. */
    public boolean cancel(TransactionId id) {
        Transaction transaction;
        synchronized (lock) {
            transaction = pending.get(id);
        }
        return transaction != null && finish(transaction, new StunTransactionOutcome.Cancelled());
    }

    /** Transactions still waiting for a response. */
    public int pendingCount() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** Responses that matched no pending transaction: strays, and duplicates answering retransmissions. */
    public long unmatchedResponses() {
        return unmatched.get();
    }

    /** Responses dropped for missing or bad integrity. */
    public long rejectedResponses() {
        return rejected.get();
    }

    /** Cancels every pending transaction and refuses new ones. Idempotent. */
    @Override
    public void close() {
        List<Transaction> all;
        synchronized (lock) {
            closed = true;
            all = new ArrayList<>(pending.values());
        }
        all.forEach(transaction -> finish(transaction, new StunTransactionOutcome.Cancelled()));
    }

    private void transmit(Transaction transaction) {
        RetransmissionPolicy policy = transaction.request.retransmission();
        boolean scheduled = true;
        synchronized (lock) {
            if (transaction.done) {
                return;
            }
            transaction.transmissions++;
            long waitNanos = policy.waitAfter(transaction.transmissions).toNanos();
            try {
                transaction.timer = scheduler.schedule(() -> onTimer(transaction), waitNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // The owner shut its timers down before closing this: it is going away, so nothing is sent.
                scheduled = false;
            }
        }
        if (!scheduled) {
            finish(transaction, new StunTransactionOutcome.Cancelled());
            return;
        }
        try {
            sender.send(transaction.datagram, 0, transaction.datagram.length, transaction.request.destination());
        } catch (IOException e) {
            finish(transaction, new StunTransactionOutcome.SendFailed(e));
        }
    }

    private void onTimer(Transaction transaction) {
        int transmissions;
        synchronized (lock) {
            if (transaction.done) {
                return;
            }
            transmissions = transaction.transmissions;
        }
        if (transmissions < transaction.request.retransmission().maxTransmissions()) {
            transmit(transaction);
        } else {
            finish(transaction, new StunTransactionOutcome.TimedOut(transmissions));
        }
    }

    private boolean finish(Transaction transaction, StunTransactionOutcome outcome) {
        synchronized (lock) {
            if (transaction.done) {
                return false;
            }
            transaction.done = true;
            pending.remove(transaction.request.message().transactionId());
            if (transaction.timer != null) {
                transaction.timer.cancel(false);
            }
        }
        transaction.future.complete(outcome);
        return true;
    }
}
