package dev.confab.media.transport;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.crypto.dtls.DtlsConfig;
import dev.confab.crypto.dtls.DtlsEndpoint;
import dev.confab.crypto.dtls.DtlsHandshakeResult;
import dev.confab.crypto.dtls.DtlsParameters;
import dev.confab.crypto.dtls.DtlsSrtpKeys;
import dev.confab.crypto.dtls.QueueDatagramLink;
import dev.confab.crypto.srtp.SrtpMasterKey;
import dev.confab.crypto.srtp.SrtpReceiver;
import dev.confab.crypto.srtp.SrtpSender;
import dev.confab.media.ice.CandidatePair;
import dev.confab.media.ice.IceAgent;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.IceListener;
import dev.confab.media.ice.IceRole;
import dev.confab.media.ice.IceState;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.ice.PacketKind;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * One call's secure path: an {@link IceAgent}, a DTLS-SRTP handshake over its selected pair once ICE first connects,
 * and SRTP both ways with the keys it gives. The peer's certificate must match the fingerprint in the
 * {@link DtlsParameters}, which the caller took from a fingerprint statement it verified against the peer's pinned
 * identity key; until that handshake completes no media is sent or accepted. The offerer learns its DTLS role and the
 * peer's fingerprint only from the answer: it makes its transport with {@link #createOffering} and gives them to
 * {@link #answered} later; DTLS starts once ICE has connected and the parameters are known, whichever comes last.
 *
 * <p>Thread contract: {@link #sendRtp} and {@link #sendRtcp} may be called from any thread (they serialize on the
 * SRTP sender); media is delivered on socket threads, one packet at a time across them (a peer may send on two pairs);
 * the {@link IceListener} given runs on the agent's executor; {@link #close()} from any thread.
 */
public final class SecureTransport implements AutoCloseable {
    /** The shortest first DTLS retransmission timer taken from the path's round trip, as WebRTC bounds it. */
    static final Duration MIN_INITIAL_RETRANSMIT = Duration.ofMillis(50);

    private final IceAgent agent;
    private final DtlsCertificate certificate;
    private final CompletableFuture<DtlsParameters> dtlsParameters = new CompletableFuture<>();
    private final RemoteCandidateFeed remoteCandidates;
    private final Executor dtlsExecutor;
    private final MediaReceiver receiver;
    private final QueueDatagramLink dtlsLink;
    private final TransportCounters counters = new TransportCounters();
    private final CompletableFuture<DtlsHandshakeResult> handshake = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private final Object receiveLock = new Object();
    private volatile SrtpSender sender;
    private volatile SrtpReceiver srtpReceiver;
    private DtlsEndpoint dtls;
    private volatile Duration pathRoundTrip;
    private volatile Duration initialRetransmit;

    private SecureTransport(IceAgentConfig iceConfig, IceRole role, Executor executor, ScheduledExecutorService timers,
            RandomGenerator random, IceListener owner, DtlsCertificate certificate, Executor dtlsExecutor,
            MediaReceiver receiver) {
        this.certificate = certificate;
        this.dtlsExecutor = dtlsExecutor;
        this.receiver = new SerialMediaReceiver(receiver);
        this.agent = IceAgent.create(iceConfig, role, executor, timers, new Listener(owner), random);
        this.remoteCandidates = new RemoteCandidateFeed(agent);
        this.dtlsLink = new QueueDatagramLink((buf, off, len) -> agent.send(buf, off, len));
        agent.packetHandler(this::fromNetwork);
    }

    /**
     * A transport whose agent has not gathered yet: call {@link #agent()}{@code .start()} and signal as usual.
     *
     * @param executor     the call's serial state executor (the agent's)
     * @param owner        hears the agent's candidates and states
     * @param dtls         the DTLS role from a=setup, this call's certificate, the verified peer fingerprint
     * @param dtlsExecutor where the DTLS worker blocks (and sends): platform threads, as a send from a
     *                     virtual thread turns the socket non-blocking, which costs every receive two more system calls
     * @param receiver     where unprotected media goes
     */
    public static SecureTransport create(IceAgentConfig iceConfig, IceRole role, Executor executor,
            ScheduledExecutorService timers, RandomGenerator random, IceListener owner, DtlsParameters dtls,
            Executor dtlsExecutor, MediaReceiver receiver) {
        Objects.requireNonNull(dtls, "dtls");
        SecureTransport transport = new SecureTransport(Objects.requireNonNull(iceConfig, "iceConfig"), role, executor,
                timers, random, Objects.requireNonNull(owner, "owner"), dtls.certificate(),
                Objects.requireNonNull(dtlsExecutor, "dtlsExecutor"), Objects.requireNonNull(receiver, "receiver"));
        transport.dtlsParameters.complete(dtls);
        return transport;
    }

    /**
     * A transport for the side that offers ({@code a=setup:actpass}), whose agent has not gathered yet: ICE is
     * CONTROLLING; DTLS waits for {@link #answered}.
     *
     * @param certificate this call's certificate, whose fingerprint goes into the offer
     */
    public static SecureTransport createOffering(IceAgentConfig iceConfig, Executor executor,
            ScheduledExecutorService timers, RandomGenerator random, IceListener owner, DtlsCertificate certificate,
            Executor dtlsExecutor, MediaReceiver receiver) {
        Objects.requireNonNull(certificate, "certificate");
        return new SecureTransport(Objects.requireNonNull(iceConfig, "iceConfig"), IceRole.CONTROLLING, executor,
                timers, random, Objects.requireNonNull(owner, "owner"), certificate,
                Objects.requireNonNull(dtlsExecutor, "dtlsExecutor"), Objects.requireNonNull(receiver, "receiver"));
    }

    /**
     * What the answer decided, for a transport made with {@link #createOffering}: the role from
     * {@link dev.confab.crypto.dtls.DtlsRole#negotiate} and the fingerprint of the answer, verified by the caller.
     *
     * @throws IllegalArgumentException if {@code dtls} holds another certificate than this transport's
     * @throws IllegalStateException    if the DTLS parameters are known already
     */
    public void answered(DtlsParameters dtls) {
        if (dtls.certificate() != certificate) {
            throw new IllegalArgumentException("the DTLS parameters must hold this transport's certificate");
        }
        if (!dtlsParameters.complete(dtls)) {
            throw new IllegalStateException("the DTLS parameters are known already");
        }
    }

    /** The fingerprint of this call's certificate, for the local description. */
    public CertificateFingerprint localFingerprint() {
        return certificate.fingerprint();
    }

    /** Where the peer's candidates from its description and from trickle go, skipping the unusable ones. */
    public RemoteCandidateFeed remoteCandidates() {
        return remoteCandidates;
    }

    /** The first retransmission timer the DTLS handshake started with; empty before it started. */
    public Optional<Duration> dtlsInitialRetransmit() {
        return Optional.ofNullable(initialRetransmit);
    }

    /**
     * {@code parameters} with the first retransmission timer at twice the round trip ICE measured on the selected
     * path (as WebRTC does), within {@link #MIN_INITIAL_RETRANSMIT} and the configured timer: a flight lost on a
     * 20 ms path is sent again after 50 ms, not after RFC 6347's second, which doubles on every further loss.
     */
    private DtlsParameters tunedToPath(DtlsParameters parameters) {
        Duration roundTrip = pathRoundTrip;
        DtlsConfig config = parameters.config();
        if (roundTrip == null) {
            return parameters;
        }
        long millis = Math.min(config.initialRetransmit().toMillis(),
                Math.max(MIN_INITIAL_RETRANSMIT.toMillis(), 2 * roundTrip.toMillis()));
        Duration initial = Duration.ofMillis(millis);
        return new DtlsParameters(parameters.role(), parameters.certificate(), parameters.expectedPeerFingerprint(),
                config.withTimers(initial, config.handshakeTimeout()), parameters.random());
    }

    /** The ICE agent, for credentials, candidates, restart and state. */
    public IceAgent agent() {
        return agent;
    }

    /**
     * Completes when DTLS-SRTP is established (keys in place, media may flow), or exceptionally with the
     * {@link dev.confab.crypto.dtls.DtlsException} that says why not (a fingerprint mismatch among them).
     */
    public CompletableFuture<DtlsHandshakeResult> handshake() {
        return handshake.copy();
    }

    /** Counters for statistics and tests. */
    public TransportCounters counters() {
        return counters;
    }

    /**
     * Protects an RTP packet in place and sends it on the selected pair.
     *
     * @param buf holds the packet at {@code off} with room after it for the SRTP trailer (16 bytes covers every
     *            profile)
     * @return false if it was not sent: no keys yet, no path, or SRTP refused it
     */
    public boolean sendRtp(byte[] buf, int off, int len) throws IOException {
        return send(buf, off, len, false);
    }

    /** {@link #sendRtp} for a compound RTCP packet (SRTCP adds up to 20 bytes). */
    public boolean sendRtcp(byte[] buf, int off, int len) throws IOException {
        return send(buf, off, len, true);
    }

    /** Sends close_notify if DTLS is up and releases the agent's sockets. */
    @Override
    public void close() {
        synchronized (this) {
            if (dtls != null) {
                dtls.close();
            }
        }
        dtlsLink.close();
        agent.close();
        handshake.completeExceptionally(new IllegalStateException("the transport was closed"));
    }

    private boolean send(byte[] buf, int off, int len, boolean rtcp) throws IOException {
        SrtpSender srtp = sender;
        if (srtp == null) {
            counters.refusedBeforeKeys.incrementAndGet();
            return false;
        }
        int protectedLength;
        synchronized (sendLock) {
            protectedLength = rtcp ? srtp.protectRtcp(buf, off, len) : srtp.protectRtp(buf, off, len);
        }
        if (protectedLength < 0) {
            return false;
        }
        if (!agent.send(buf, off, protectedLength)) {
            return false;
        }
        counters.protectedSent.incrementAndGet();
        return true;
    }

    private void fromNetwork(PacketKind kind, byte[] buf, int off, int len) {
        if (kind == PacketKind.DTLS) {
            dtlsLink.deliver(buf, off, len);
            return;
        }
        SrtpReceiver srtp = srtpReceiver;
        if (srtp == null || len < 2) {
            counters.refusedBeforeKeys.incrementAndGet();
            return;
        }
        boolean rtcp = RtpDemux.isRtcp(buf, off);
        int plain;
        synchronized (receiveLock) {
            plain = rtcp ? srtp.unprotectRtcp(buf, off, len) : srtp.unprotectRtp(buf, off, len);
        }
        if (plain < 0) {
            counters.failedUnprotect.incrementAndGet();
            return;
        }
        counters.unprotected.incrementAndGet();
        if (rtcp) {
            receiver.rtcp(buf, off, plain);
        } else {
            receiver.rtp(buf, off, plain);
        }
    }

    private synchronized void startDtls(DtlsParameters parameters) {
        if (dtls != null || handshake.isDone()) {
            return;
        }
        DtlsParameters tuned = tunedToPath(parameters);
        initialRetransmit = tuned.config().initialRetransmit();
        dtls = DtlsEndpoint.start(tuned, dtlsLink, dtlsExecutor);
        dtls.handshake().whenComplete((result, error) -> {
            if (error != null) {
                handshake.completeExceptionally(error);
                return;
            }
            DtlsSrtpKeys keys = result.srtpKeys();
            srtpReceiver = SrtpReceiver.create(new SrtpMasterKey(keys.profile(), keys.remoteKey(), keys.remoteSalt()));
            sender = SrtpSender.create(new SrtpMasterKey(keys.profile(), keys.localKey(), keys.localSalt()));
            handshake.complete(result);
        });
    }

    /** Forwards to the owner and starts DTLS when ICE first connects. */
    private final class Listener implements IceListener {
        private final IceListener owner;

        Listener(IceListener owner) {
            this.owner = owner;
        }

        @Override
        public void localCandidate(LocalCandidate candidate, IceCredentials credentials) {
            owner.localCandidate(candidate, credentials);
        }

        @Override
        public void gatheringComplete(IceCredentials credentials) {
            owner.gatheringComplete(credentials);
        }

        @Override
        public void stateChanged(IceState state) {
            if (state == IceState.CONNECTED) {
                dtlsParameters.thenAccept(SecureTransport.this::startDtls);
            }
            owner.stateChanged(state);
        }

        @Override
        public void selectedPairChanged(CandidatePair pair) {
            pair.roundTrip().ifPresent(measured -> pathRoundTrip = measured);
            owner.selectedPairChanged(pair);
        }
    }
}
