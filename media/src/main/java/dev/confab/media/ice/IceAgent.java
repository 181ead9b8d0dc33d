package dev.confab.media.ice;

import dev.confab.media.sdp.CandidateType;
import dev.confab.media.stun.IntegrityKey;
import dev.confab.media.stun.Priority;
import dev.confab.media.stun.StunDecoding;
import dev.confab.media.stun.StunMessage;
import dev.confab.media.stun.StunRequest;
import dev.confab.media.stun.StunTransactionOutcome;
import dev.confab.media.stun.TransactionId;
import dev.confab.media.stun.UseCandidate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Confab's ICE agent (RFC 8445) for one call: one component (BUNDLE and rtcp-mux), host and server-reflexive
 * candidates, trickle both ways (RFC 8838), paced connectivity checks, peer-reflexive candidates, role conflicts,
 * regular nomination, consent freshness (RFC 7675) and ICE restart. DTLS and SRTP datagrams from the peer go to the
 * {@link PacketHandler}; {@link #send} puts datagrams on the selected pair.
 *
 * <p>Thread contract: all state lives on the serial {@code executor} given to {@link #create} (the call's state
 * executor); public methods may be called from any thread and hand their work to it. {@link #send} is the hot path:
 * any thread, no locks, no allocation. The {@link IceListener} runs on the executor; the {@link PacketHandler} on a
 * socket's receive thread.
 */
public final class IceAgent implements AutoCloseable {

    /** Receives the DTLS and RTP/RTCP datagrams that arrive from the peer over a valid pair. */
    @FunctionalInterface
    public interface PacketHandler {
        /** Called on a socket's thread; {@code buf} is reused afterwards, so copy what is kept. */
        void received(PacketKind kind, byte[] buf, int off, int len);
    }

    /** Remote candidates of a generation not known yet that are kept. */
    static final int MAX_HELD_CANDIDATES = 64;
    /** Peer addresses trusted at most: a checklist's worth. */
    static final int MAX_TRUSTED_SOURCES = Checklist.DEFAULT_MAX_PAIRS;

    /** A remote candidate waiting for its generation's credentials. */
    private record HeldCandidate(String ufrag, RemoteCandidate candidate) {
    }

    private final IceAgentConfig config;
    private final Executor executor;
    private final ScheduledExecutorService timers;
    private final IceListener listener;
    private final RandomGenerator random;
    private final long tieBreaker;
    private final CandidateGatherer gatherer;
    private final ArrayDeque<CandidatePair> triggered = new ArrayDeque<>();
    private final List<HeldCandidate> held = new ArrayList<>();
    private final AtomicLong droppedDatagrams = new AtomicLong();
    private final AtomicLong rejectedChecks = new AtomicLong();
    private final ConsentMonitor consent;

    private volatile IceCredentials local;
    private volatile IceCredentials remote;
    private volatile CandidatePair selected;
    private volatile Route selectedRoute;
    private final TrustedSources trusted = new TrustedSources(MAX_TRUSTED_SOURCES);
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile PacketHandler packetHandler = (kind, buf, off, len) -> { };
    private volatile boolean closed;

    private volatile IceRole role;
    private Checklist checklist;
    private volatile IceState state = IceState.NEW;
    private boolean remoteEnded;
    private CandidatePair nominated;
    private boolean nominating;
    private ScheduledFuture<?> nominationTimer;
    private long checkingSince;
    private long lastCheckSent = System.nanoTime() - Long.MAX_VALUE / 4;
    private int peerReflexiveCount;
    private ScheduledFuture<?> pacer;
    /** The pacer's period while it ticks at Ta, or 0 while it is a single tick at {@link #pacerDeadline}. */
    private long pacerPeriod;
    private long pacerDeadline;
    /** Names the pacer scheduled last: a single tick that runs while it is still the last one leaves no pacer. */
    private long pacerGeneration;

    private IceAgent(IceAgentConfig config, IceRole role, Executor executor, ScheduledExecutorService timers,
            IceListener listener, RandomGenerator random) {
        this.config = config;
        this.role = role;
        this.executor = executor;
        this.timers = timers;
        this.listener = listener;
        this.random = random;
        this.tieBreaker = random.nextLong();
        this.local = IceCredentials.generate(random);
        this.checklist = new Checklist(role, config.maxPairs());
        this.consent = new ConsentMonitor(config, random);
        this.gatherer = new CandidateGatherer(config, executor, timers, random, this::received, this::receivedFromPeer,
                new CandidateGatherer.Sink() {
                    @Override
                    public void gathered(LocalCandidate candidate) {
                        addLocal(candidate);
                    }

                    @Override
                    public void complete() {
                        if (!closed) {
                            listener.gatheringComplete(local);
                        }
                    }
                });
    }

    /**
     * An agent that has not gathered yet; {@link #start} gathers.
     *
     * @param role     CONTROLLING for the offerer, CONTROLLED for the answerer
     * @param executor a serial executor: the call's state executor
     * @param timers   for retransmissions, pacing and consent; its tasks only hand work to {@code executor}
     * @param random   credentials, tie-breaker, transaction ids: a {@code SecureRandom} outside tests
     */
    public static IceAgent create(IceAgentConfig config, IceRole role, Executor executor,
            ScheduledExecutorService timers, IceListener listener, RandomGenerator random) {
        return new IceAgent(Objects.requireNonNull(config, "config"), Objects.requireNonNull(role, "role"),
                Objects.requireNonNull(executor, "executor"), Objects.requireNonNull(timers, "timers"),
                Objects.requireNonNull(listener, "listener"), Objects.requireNonNull(random, "random"));
    }

    /** This side's current credentials, for the SDP. */
    public IceCredentials localCredentials() {
        return local;
    }

    /** Where DTLS and RTP datagrams from the peer go; set it before media can arrive. */
    public void packetHandler(PacketHandler handler) {
        this.packetHandler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Opens a socket on every usable local address and reports host candidates, then asks the STUN servers for
     * server-reflexive ones. Completes when the sockets are open (gathering goes on; the listener hears the end).
     */
    public CompletableFuture<Void> start() {
        return CompletableFuture.runAsync(this::openBases, executor);
    }

    /**
     * The peer's credentials from its SDP; checks start once they are known, and candidates held for this ufrag join
     * the checklist.
     */
    public void remoteCredentials(IceCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        executor.execute(() -> {
            remote = credentials;
            held.removeIf(entry -> {
                if (entry.ufrag().equals(credentials.ufrag())) {
                    checklist.addRemote(entry.candidate());
                    return true;
                }
                return false;
            });
            startChecking();
        });
    }

    /**
     * A trickled candidate of the peer's ICE generation {@code ufrag}: added now if that is the current one, else
     * held (up to {@value #MAX_HELD_CANDIDATES}) until {@link #remoteCredentials} with that ufrag, so that candidates
     * overtaking a restart's new credentials are not lost.
     */
    public void addRemoteCandidate(RemoteCandidate candidate, String ufrag) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(ufrag, "ufrag");
        executor.execute(() -> {
            if (closed) {
                return;
            }
            IceCredentials current = remote;
            if (current != null && current.ufrag().equals(ufrag)) {
                checklist.addRemote(candidate);
                startChecking();
            } else if (held.size() < MAX_HELD_CANDIDATES) {
                held.add(new HeldCandidate(ufrag, candidate));
            }
        });
    }

    /** A candidate of the peer's current generation (from SDP or trickle), its address already resolved. */
    public void addRemoteCandidate(RemoteCandidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        executor.execute(() -> {
            if (closed) {
                return;
            }
            checklist.addRemote(candidate);
            startChecking();
        });
    }

    /** The peer said end-of-candidates: once every pair has failed, the agent fails. */
    public void endOfRemoteCandidates() {
        executor.execute(() -> {
            remoteEnded = true;
            evaluate();
        });
    }

    /**
     * Starts an ICE restart (RFC 8445 section 2.4): new local credentials, a fresh checklist over the same sockets,
     * every local candidate reported again, the peer's credentials forgotten until {@link #remoteCredentials} gives
     * the new ones. Media keeps flowing on the old selected pair until a new one is found.
     *
     * @return the new local credentials, for the new offer or answer
     */
    public CompletableFuture<IceCredentials> restart() {
        return CompletableFuture.supplyAsync(() -> {
            local = IceCredentials.generate(random);
            remote = null;
            checklist = new Checklist(role, config.maxPairs());
            triggered.clear();
            nominated = null;
            nominating = false;
            cancelNominationTimer();
            remoteEnded = false;
            checkingSince = 0;
            pace();
            gatherer.candidates().forEach(this::addLocal);
            if (gatherer.complete()) {
                listener.gatheringComplete(local);
            }
            return local;
        }, executor);
    }

    /** The pair media goes over, if any. */
    public Optional<CandidatePair> selectedPair() {
        return Optional.ofNullable(selected);
    }

    /**
     * How long ago the peer last answered a consent check on the selected pair (or the pair was selected): past
     * {@link IceAgentConfig#disconnectAfter} the path counts as broken. Meaningful while a pair is selected.
     */
    public Duration sinceConsentResponse() {
        return Duration.ofNanos(System.nanoTime() - consent.lastResponse());
    }

    /** The current state; read on the executor for a consistent view, elsewhere as a hint. */
    public IceState state() {
        return state;
    }

    /** The current role. */
    public IceRole role() {
        return role;
    }

    /** Datagrams dropped because of their kind or source. */
    public long droppedDatagrams() {
        return droppedDatagrams.get();
    }

    /** A line for logs and failure messages: counters of the agent and of each relay, the checklist's pairs. */
    public String diagnostics() {
        return "dropped=" + droppedDatagrams + " rejectedChecks=" + rejectedChecks + " relays=" + gatherer.relayStats()
                + " pairs=" + checklist.pairs();
    }

    /** Binding requests dropped because their USERNAME or MESSAGE-INTEGRITY did not fit this agent. */
    public long rejectedChecks() {
        return rejectedChecks.get();
    }

    /**
     * Sends one datagram to the peer on the selected pair.
     *
     * @return false if there is no selected pair (not connected yet, or consent lost)
     */
    public boolean send(byte[] buf, int off, int len) throws IOException {
        CandidatePair pair = selected;
        Route route = selectedRoute;
        if (pair == null || route == null || consent.lost()) {
            return false;
        }
        route.send(buf, off, len, pair.remote().address());
        return true;
    }

    /**
     * Completes once {@link #close()} has released every TURN allocation and closed every socket. Keep the timers'
     * scheduler running until then: the releases use it.
     */
    public CompletableFuture<Void> terminated() {
        return terminated.copy();
    }

    /**
     * Stops checks and consent, releases TURN allocations and closes every socket, in the background (see
     * {@link #terminated()}). Idempotent; works after the executor was shut down too.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        selected = null;
        try {
            executor.execute(this::release);
        } catch (RejectedExecutionException e) {
            release();
        }
    }

    private void release() {
        if (pacer != null) {
            pacer.cancel(false);
        }
        cancelNominationTimer();
        consent.stop();
        gatherer.release().whenComplete((released, error) -> terminated.complete(null));
        setState(IceState.CLOSED);
    }

    // ---- gathering ----

    private void openBases() {
        gatherer.start();
        pace();
    }

    private void addLocal(LocalCandidate candidate) {
        checklist.addLocal(candidate);
        listener.localCandidate(candidate, local);
    }

    // ---- receiving (socket threads) ----

    /**
     * A datagram on a host socket: from a TURN server, or straight from a peer. What a TURN server sends that its
     * client does not take goes to the base: a TURN server is often the STUN server too, and the answer to the base's
     * Binding request comes from the same address as the allocation's.
     */
    private void received(IceSocket socket, byte[] buf, int len, InetSocketAddress source) {
        Relay relay = gatherer.relayFor(socket, source);
        if (relay != null && relay.turn.receive(buf, 0, len)) {
            return;
        }
        Base base = gatherer.baseOf(socket);
        if (base != null) {
            dispatch(base, source, buf, 0, len);
        }
    }

    /** What a peer sent to one of our relayed addresses, unwrapped by its TURN client. */
    private void receivedFromPeer(Relay relay, InetSocketAddress peer, byte[] buf, int off, int len) {
        dispatch(relay, peer, buf, off, len);
    }

    private void dispatch(Route route, InetSocketAddress source, byte[] buf, int off, int len) {
        PacketKind kind = PacketKind.of(buf[off]);
        switch (kind) {
            case STUN -> receivedStun(route, source, buf, off, len);
            case DTLS, RTP -> {
                if (trusted.contains(source)) {
                    packetHandler.received(kind, buf, off, len);
                } else {
                    droppedDatagrams.incrementAndGet();
                }
            }
            default -> droppedDatagrams.incrementAndGet();
        }
    }

    private void receivedStun(Route route, InetSocketAddress source, byte[] buf, int off, int len) {
        if (!(StunMessage.decode(buf, off, len) instanceof StunDecoding.Decoded(StunMessage message))) {
            droppedDatagrams.incrementAndGet();
            return;
        }
        if (message.messageClass().isResponse()) {
            if (!route.transactions().receive(message, source)) {
                droppedDatagrams.incrementAndGet();
            }
            return;
        }
        IceCredentials own = local;
        if (!CheckMessages.isValidCheck(message, own)) {
            rejectedChecks.incrementAndGet();
            return;
        }
        executor.execute(() -> receivedCheck(route, message, source, own));
    }

    // ---- incoming checks (executor) ----

    private void receivedCheck(Route route, StunMessage request, InetSocketAddress source, IceCredentials own) {
        if (closed || own != local) {
            return; // an ICE restart made these credentials stale
        }
        switch (RoleConflict.of(role, tieBreaker, request)) {
            case REFUSE -> {
                reply(route, CheckMessages.roleConflict(request, own), source);
                return;
            }
            case SWITCH -> switchRole(role.opposite());
            case NONE -> { }
        }
        trusted.add(source); // before the answer: the peer may send DTLS as soon as the answer reaches it
        reply(route, CheckMessages.success(request, source, own), source);

        if (checklist.remoteAt(source).isEmpty()) {
            long priority = request.attribute(Priority.class).orElseThrow().priority();
            checklist.addRemote(new RemoteCandidate(CandidateType.PRFLX, source,
                    Math.min(Math.max(priority, 1), Integer.MAX_VALUE), "prflx" + (++peerReflexiveCount)));
        }
        LocalCandidate via = route.candidate();
        Optional<CandidatePair> found = checklist.find(route.relayed() ? via.address() : via.base(), route.relayed(),
                source);
        if (found.isEmpty()) {
            return; // over the pair limit
        }
        CandidatePair pair = found.get();
        boolean checkNow = pair.wantsTriggeredCheck();
        if (checkNow && remote != null) {
            triggered.remove(pair);
            sendCheck(pair, false); // a triggered check goes at once: the peer's own pacing bounds their rate
        } else if (checkNow) {
            trigger(pair); // sent once the peer's credentials arrive
        }
        if (role == IceRole.CONTROLLED && request.attribute(UseCandidate.class).isPresent()) {
            if (pair.valid()) {
                nominated(pair);
            } else {
                pair.nominateOnSuccess(true);
            }
        }
        startChecking();
    }

    private void reply(Route route, byte[] response, InetSocketAddress destination) {
        try {
            route.send(response, 0, response.length, destination);
        } catch (IOException e) {
            droppedDatagrams.incrementAndGet(); // the peer retransmits its check
        }
    }

    private void trigger(CandidatePair pair) {
        if (!triggered.contains(pair)) {
            pair.state(PairState.WAITING);
            triggered.add(pair);
        }
        pace();
    }

    private void switchRole(IceRole newRole) {
        role = newRole;
        checklist.role(newRole);
    }

    // ---- outgoing checks (executor) ----

    /** Checks can start: moves to CHECKING and sends a check now if none went out within the last Ta. */
    private void startChecking() {
        if (closed || remote == null) {
            return;
        }
        if (checkingSince == 0) {
            checkingSince = System.nanoTime();
        }
        pace();
        if (state == IceState.NEW) {
            setState(IceState.CHECKING);
        }
        if (System.nanoTime() - lastCheckSent >= config.pacing().toNanos()) {
            sendNextCheck();
        }
    }

    /**
     * A single tick (once nominated): if it is the pacer's latest, there is no pacer any more, so the tick's own
     * {@link #pace} schedules the next. Known here, on the executor, rather than from the timer's future, which the
     * timer thread may mark done only after this runs.
     */
    private void singleTick(long generation) {
        if (generation == pacerGeneration) {
            pacer = null;
        }
        tick();
    }

    /** Every Ta (slower once nominated: {@link #pace}): one check (triggered first), consent, and the timeouts. */
    private void tick() {
        if (closed) {
            return;
        }
        if (remote != null && System.nanoTime() - lastCheckSent >= config.pacing().toNanos() / 2) {
            sendNextCheck();
        }
        if (selected != null) {
            consentTick();
        }
        evaluate();
        pace();
    }

    /**
     * Keeps the ticks at Ta while checks may be due. Once a pair is nominated and selected and no triggered check
     * waits, a tick only runs consent, so the next one comes when consent next has something to do (a check due, or
     * the peer silent long enough to call the path disconnected or consent lost): a call's agent wakes its timer and
     * executor threads about once a second instead of 50 (or 10) times. Whatever brings checks back (a triggered
     * check, new candidates, a restart, lost consent) brings Ta back.
     */
    private void pace() {
        if (closed) {
            return;
        }
        long ta = config.pacing().toNanos();
        boolean single = nominated != null && selected != null && triggered.isEmpty() && !nominating;
        long now = System.nanoTime();
        long deadline = single ? Math.max(consent.nextDeadline(now), now + ta) : 0;
        // A pending single tick that comes no later than needed stays (it looks again; moving it would let it slip).
        if (pacer != null && (single ? pacerPeriod == 0 && pacerDeadline <= deadline : pacerPeriod == ta)) {
            return;
        }
        if (pacer != null) {
            pacer.cancel(false);
        }
        long generation = ++pacerGeneration;
        pacerPeriod = single ? 0 : ta;
        pacerDeadline = deadline;
        pacer = unlessTimersShutDown(() -> single
                ? timers.schedule(() -> executor.execute(() -> singleTick(generation)), deadline - now,
                        TimeUnit.NANOSECONDS)
                : timers.scheduleAtFixedRate(() -> executor.execute(this::tick), ta, ta, TimeUnit.NANOSECONDS));
    }

    /**
     * What {@code schedule} scheduled on the timers, or null when the owner shut them down before closing this agent:
     * it is going away, so nothing needs to run.
     */
    private static ScheduledFuture<?> unlessTimersShutDown(Supplier<ScheduledFuture<?>> schedule) {
        try {
            return schedule.get();
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private void sendNextCheck() {
        CandidatePair next = triggered.poll();
        if (next == null && nominated == null) {
            next = checklist.nextToCheck().orElse(null);
        }
        if (next != null) {
            sendCheck(next, false);
        }
    }

    private void sendCheck(CandidatePair pair, boolean nominate) {
        long sentAt = System.nanoTime();
        lastCheckSent = sentAt;
        pair.state(PairState.IN_PROGRESS);
        pair.checkSent();
        IceCredentials own = local;
        IceCredentials peer = remote;
        Route route = gatherer.routeFor(pair.local());
        if (route instanceof Relay relay) {
            relay.permit(pair.remote().address());
        }
        StunMessage request = CheckMessages.request(TransactionId.random(random), own, peer, route.localPreference(),
                role, tieBreaker, nominate);
        route.transactions().start(StunRequest.to(pair.remote().address(), request)
                        .signedWith(IntegrityKey.shortTerm(peer.pwd()))
                        .retransmitting(config.checkRetransmission()))
                .thenAcceptAsync(outcome -> checkDone(pair, nominate, own, outcome, sentAt), executor);
    }

    private void checkDone(CandidatePair pair, boolean nominate, IceCredentials own, StunTransactionOutcome outcome,
            long sentAt) {
        if (closed || own != local) {
            return;
        }
        // A failure is the pair's only if no newer check is in flight, and a late failure of a first check does not
        // undo a retry's success.
        boolean failsPair = pair.checkEnded() && (nominate || !pair.valid());
        if (nominate) {
            nominating = false;
        }
        if (outcome instanceof StunTransactionOutcome.Response response) {
            StunMessage message = response.message();
            if (CheckMessages.isSuccess(message) && response.source().equals(pair.remote().address())) {
                pair.roundTrip(Duration.ofNanos(System.nanoTime() - sentAt));
                succeeded(pair, nominate);
            } else if (CheckMessages.errorCode(message) == dev.confab.media.stun.ErrorCode.ROLE_CONFLICT) {
                switchRole(role.opposite());
                trigger(pair);
            } else if (failsPair) {
                pair.state(PairState.FAILED);
            }
        } else if (failsPair && !(outcome instanceof StunTransactionOutcome.Cancelled)) {
            pair.state(PairState.FAILED);
        }
        evaluate();
    }

    private void succeeded(CandidatePair pair, boolean nominate) {
        pair.state(PairState.SUCCEEDED);
        if (!pair.valid()) {
            pair.markValid();
            trusted.add(pair.remote().address());
        }
        checklist.unfreezeFoundation(pair);
        if (nominate || (role == IceRole.CONTROLLED && pair.nominateOnSuccess())) {
            nominated(pair);
            return;
        }
        if (nominated == null) {
            checklist.bestValid().ifPresent(this::select);
        }
    }

    private void nominated(CandidatePair pair) {
        pair.markNominated();
        nominated = pair;
        cancelNominationTimer();
        select(pair);
    }

    private void select(CandidatePair pair) {
        if (selected != pair) {
            selectedRoute = gatherer.routeFor(pair.local());
            selected = pair;
            consent.start(System.nanoTime());
            listener.selectedPairChanged(pair);
            pace();
        }
        if (state != IceState.CONNECTED) {
            setState(IceState.CONNECTED);
        }
    }

    /** Nomination as the controlling agent, and the FAILED verdicts. */
    private void evaluate() {
        if (closed) {
            return;
        }
        if (role == IceRole.CONTROLLING && nominated == null && !nominating) {
            considerNomination();
        }
        if (selected != null || state != IceState.CHECKING) {
            return; // nothing to fail: the checklist is not walked on every tick of a connected call
        }
        // Also our own gathering must be over: a relay-only agent has no pair until its allocation answers, and the
        // peer's end-of-candidates may come first.
        boolean exhausted = remoteEnded && gatherer.complete() && triggered.isEmpty() && checklist.allChecked();
        boolean tooLong = checkingSince != 0 && System.nanoTime() - checkingSince > config.failAfter().toNanos();
        if (exhausted || tooLong) {
            setState(IceState.FAILED);
        }
    }

    private void considerNomination() {
        Optional<CandidatePair> best = checklist.bestValid();
        if (best.isEmpty()) {
            return;
        }
        long bestPriority = best.get().priority(role);
        boolean betterPending = checklist.pairs().stream().anyMatch(p -> p.priority(role) > bestPriority
                && p.state() != PairState.SUCCEEDED && p.state() != PairState.FAILED);
        if (!betterPending) {
            nominate(best.get());
        } else if (nominationTimer == null) {
            nominationTimer = unlessTimersShutDown(() -> timers.schedule(() -> executor.execute(() -> {
                nominationTimer = null;
                if (!closed && role == IceRole.CONTROLLING && nominated == null && !nominating) {
                    checklist.bestValid().ifPresent(this::nominate);
                }
            }), config.nominationDelay().toNanos(), TimeUnit.NANOSECONDS));
        }
    }

    private void nominate(CandidatePair pair) {
        nominating = true;
        sendCheck(pair, true);
    }

    private void cancelNominationTimer() {
        if (nominationTimer != null) {
            nominationTimer.cancel(false);
            nominationTimer = null;
        }
    }

    // ---- consent freshness (executor) ----

    private void consentTick() {
        long now = System.nanoTime();
        CandidatePair pair = selected;
        if (consent.due(now) && remote != null) {
            IceCredentials own = local;
            IceCredentials peer = remote;
            Route route = gatherer.routeFor(pair.local());
            StunMessage request = CheckMessages.request(TransactionId.random(random), own, peer,
                    route.localPreference(), role, tieBreaker, false);
            route.transactions().start(StunRequest.to(pair.remote().address(), request)
                            .signedWith(IntegrityKey.shortTerm(peer.pwd()))
                            .retransmitting(ConsentMonitor.SINGLE_SHOT))
                    .thenAcceptAsync(outcome -> {
                        if (outcome instanceof StunTransactionOutcome.Response r && CheckMessages.isSuccess(r.message())
                                && r.source().equals(pair.remote().address()) && selected == pair) {
                            consent.refreshed(System.nanoTime());
                            if (state == IceState.DISCONNECTED) {
                                setState(IceState.CONNECTED);
                            }
                        }
                    }, executor);
        }
        if (consent.lost(now)) {
            selected = null;
            trusted.clear();
            setState(IceState.FAILED);
        } else if (consent.silent(now) && state == IceState.CONNECTED) {
            setState(IceState.DISCONNECTED);
        }
    }

    private void setState(IceState next) {
        if (state != next) {
            state = next;
            listener.stateChanged(next);
        }
    }
}
