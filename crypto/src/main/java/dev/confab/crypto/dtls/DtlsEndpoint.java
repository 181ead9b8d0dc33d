package dev.confab.crypto.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One DTLS-SRTP association of a call, run asynchronously: {@link #start} hands a task to the given executor that
 * performs the (blocking) Bouncy Castle handshake, completes {@link #handshake()} with the SRTP keys and the short
 * authentication string, then keeps reading the association to answer the peer's retransmissions (RFC 6347
 * section 4.2.4) and to notice its close_notify, until {@link #closed()} completes.
 *
 * <p>Crypto: {@link BcTlsCrypto}. Bouncy Castle's own provider makes a warm handshake about 40% faster than its JCA
 * provider (LAB: ~7 ms against ~12 ms), the certificate key is a Bouncy Castle key already, and DTLS here protects
 * only a dozen handshake records: SRTP, the bulk traffic, runs on the JCE.
 *
 * <p>Two flaws of Bouncy Castle 1.84's DTLS are handled in front of it, each with a counter: a forged fragment can
 * make it allocate 16 MiB ({@link #oversizedHandshakeDrops()}), and a server that gets the client's
 * ChangeCipherSpec before its CertificateVerify stalls until the timeout ({@link #heldChangeCipherSpecs()}).
 *
 * <p>Thread contract: the task occupies one executor thread for the association's whole life and blocks in it, so
 * give it an executor whose threads may block, such as {@code Executors.newVirtualThreadPerTaskExecutor()}, never
 * the call's serial state executor. Futures complete on that thread; keep their callbacks short or use the
 * {@code ...Async} variants. {@link #close()} may be called from any thread, any number of times.
 */
public final class DtlsEndpoint implements AutoCloseable {

    /** How long the reader waits per call into Bouncy Castle; a close wakes it at once. */
    private static final int READ_WAIT_MILLIS = 5_000;

    private final DtlsParameters parameters;
    private final HandshakeState state;
    private final InboundRecordFilter filter;
    private final LinkTransport transport;
    private final CompletableFuture<DtlsHandshakeResult> handshake = new CompletableFuture<>();
    private final CompletableFuture<DtlsClosure> closed = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closing;

    private DtlsEndpoint(DtlsParameters parameters, DatagramLink link) {
        this.parameters = parameters;
        this.state = new HandshakeState(parameters);
        this.filter = new InboundRecordFilter(parameters.config().maxHandshakeMessage(),
                parameters.role() == DtlsRole.SERVER);
        this.transport = new LinkTransport(link, filter);
    }

    /**
     * Starts the handshake on {@code executor}.
     *
     * @param link the datagram path to the peer, usually the ICE transport's {@link QueueDatagramLink}
     */
    public static DtlsEndpoint start(DtlsParameters parameters, DatagramLink link, Executor executor) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(executor, "executor");
        DtlsEndpoint endpoint = new DtlsEndpoint(parameters, link);
        try {
            executor.execute(endpoint::run);
        } catch (RejectedExecutionException e) {
            endpoint.fail(new DtlsException(DtlsException.Reason.CLOSED, "the executor refused the DTLS task"));
        }
        return endpoint;
    }

    /**
     * Completes with the keys once the handshake succeeded, or exceptionally with a {@link DtlsException} that says
     * why it failed. A new future each call, so cancelling one affects no one else.
     */
    public CompletableFuture<DtlsHandshakeResult> handshake() {
        return handshake.copy();
    }

    /**
     * Completes when the association ends: normally with how it was closed, exceptionally with a
     * {@link DtlsException} if the handshake failed or the peer ended it with a fatal alert. Terminal. (An
     * {@link Error} such as {@link OutOfMemoryError} on the worker completes both futures with that error.)
     */
    public CompletableFuture<DtlsClosure> closed() {
        return closed.copy();
    }

    /** Datagrams dropped because they announced a handshake message above {@link DtlsConfig#maxHandshakeMessage}. */
    public long oversizedHandshakeDrops() {
        return filter.oversizedDrops();
    }

    /** The client's ChangeCipherSpec records a server held back until the client's CertificateVerify arrived. */
    public long heldChangeCipherSpecs() {
        return filter.heldChangeCipherSpecs();
    }

    /**
     * Ends the association: sends close_notify if the handshake completed, or abandons the handshake with a
     * user_canceled alert ({@link DtlsException.Reason#CLOSED}). Returns at once; {@link #closed()} completes when
     * done. Does not close the link.
     */
    @Override
    public void close() {
        closing = true;
        if (started.compareAndSet(false, true)) {
            fail(new DtlsException(DtlsException.Reason.CLOSED, "the DTLS endpoint was closed before it started"));
        } else {
            transport.wake();
        }
    }

    private void run() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            DTLSTransport dtls = handshakeNow();
            transport.handshakeFinished();
            handshake.complete(state.result());
            closed.complete(readUntilClosed(dtls));
        } catch (IOException | RuntimeException e) {
            fail(Failures.classify(e, state, closing));
        } catch (Error e) {
            handshake.completeExceptionally(e);
            closed.completeExceptionally(e);
            throw e;
        }
    }

    private DTLSTransport handshakeNow() throws IOException {
        BcTlsCrypto crypto = new InjectedRandomCrypto(parameters.random());
        return switch (parameters.role()) {
            case CLIENT -> new DTLSClientProtocol().connect(new ConfabDtlsClient(crypto, state), transport);
            case SERVER -> new DTLSServerProtocol().accept(new ConfabDtlsServer(crypto, state), transport);
        };
    }

    private DtlsClosure readUntilClosed(DTLSTransport dtls) throws IOException {
        byte[] buf = new byte[dtls.getReceiveLimit()];
        while (!closing) {
            try {
                // DTLS-SRTP carries no application data: what is read is discarded.
                dtls.receive(buf, 0, buf.length, READ_WAIT_MILLIS);
            } catch (InterruptedIOException e) {
                // Woken by close(), or by Bouncy Castle ending the association: the checks below decide.
            }
            if (state.closeNotifyReceived()) {
                return DtlsClosure.CLOSED_BY_PEER;
            }
        }
        dtls.close();
        return DtlsClosure.CLOSED_LOCALLY;
    }

    private void fail(DtlsException failure) {
        handshake.completeExceptionally(failure);
        closed.completeExceptionally(failure);
    }
}
