package dev.confab.client.core.calls;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.account.AccountService;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.client.core.keys.KeyDirectory;
import dev.confab.crypto.dtls.DtlsConfig;
import dev.confab.media.call.CallSessionConfig;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.media.transport.LoopbackCall;
import dev.confab.media.video.capture.Camera;
import dev.confab.media.video.capture.Cameras;
import dev.confab.media.video.capture.CamerasOptions;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ws.CallMedia;
import dev.confab.protocol.ws.ServerMessage;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This device's calls: {@link #place} one to a contact, hear incoming ones ({@link CallObserver#onCallState} with
 * {@link CallState#INCOMING}: every device of the user rings) and {@link Call#answer answer}, {@link Call#reject
 * reject} or {@link Call#hangUp hang up}. One call at a time: an incoming call while this device is in a call (or
 * calling) is answered busy by itself. Each call gets a fresh DTLS certificate, made ahead of time in the background,
 * and the server's STUN/TURN servers; its identity binding is checked on every description (see
 * {@link BindingPolicy}).
 *
 * <p>Thread contract: thread-safe. Every call's state lives on one serial thread of the manager
 * ({@code confab-calls}); the client's event thread hands signaling to it, the media engine's threads hand their
 * reports to it, and the public methods run their work on it and wait (they never wait for the network). Observers
 * run on the client's event thread, in order, and must not block.
 */
public final class CallManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallManager.class);

    private final CallSignaling signaling;
    private final AccountService account;
    private final Function<String, String> names;
    private final CallSettings settings;
    private final SecureRandom random;
    private final ListenerSet<CallObserver> observers;
    private final ExecutorService thread;
    private final ScheduledExecutorService timers;
    private final ExecutorService dtlsThreads;
    private final ExecutorService background;
    private final CertificateStock certificates;
    private final IceServers iceServers;
    private final CallContext context;
    private final Clock clock;
    private final CallLog history;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Set<String> unsignedBrowserCallers = new HashSet<>();
    private volatile Thread managerThread;
    private CallFlow current;
    private Cameras cameras;
    /** Guards the warm-up's start and stop, so a call that comes while the warm-up starts always stops it. */
    private final Object warmUpLock = new Object();
    private Thread warmUp;
    private boolean warmUpDone;

    /**
     * Wiring (done by {@code ConfabClient}).
     *
     * @param names     a user's name for people, by user id
     * @param observers called on the client's event thread
     * @param log       where every call is recorded when it ends (before the observers hear of the end)
     */
    public CallManager(CallSignaling signaling, AccountService account, KeyDirectory keys, ConfabApi api,
            Function<String, String> names, CallSettings settings, SecureRandom random, Clock clock,
            ListenerSet<CallObserver> observers, CallLog log) {
        this.signaling = Objects.requireNonNull(signaling, "signaling");
        this.account = Objects.requireNonNull(account, "account");
        this.names = Objects.requireNonNull(names, "names");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        this.observers = Objects.requireNonNull(observers, "observers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.history = Objects.requireNonNull(log, "log");
        // First, so the history holds a call before any other observer hears that it ended.
        observers.add(log.recorder());
        this.thread = Executors.newSingleThreadExecutor(r -> managerThread = daemon(r, "confab-calls"));
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "confab-call-timers"));
        // Platform threads: a virtual thread's send would switch the call's socket to non-blocking for good, and its
        // receive thread would then make three system calls per datagram (receive, poll, receive) instead of one.
        this.dtlsThreads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("confab-call-dtls-", 1)
                .factory());
        this.background = Executors.newSingleThreadExecutor(r -> daemon(r, "confab-call-certificates"));
        this.certificates = new CertificateStock(background, random, clock);
        this.iceServers = new IceServers(api, clock);
        this.context = new CallContext(signaling, new FingerprintBinding(keys, () -> account.identity().identity()),
                this::sessionConfig, thread, timers, observers, this::cameras);
        signaling.addListener(new Relay());
    }

    public void addObserver(CallObserver observer) {
        observers.add(observer);
    }

    public void removeObserver(CallObserver observer) {
        observers.remove(observer);
    }

    /** The signaling underneath, for tools and tests that speak the protocol themselves. */
    public CallSignaling signaling() {
        return signaling;
    }

    /**
     * Gets ready for calls in the background: makes the first call's certificate. The client calls it when it goes
     * live; later calls do nothing.
     */
    public void start() {
        if (started.compareAndSet(false, true)) {
            certificates.prepare();
        }
    }

    /**
     * With {@link CallSettings#warmUp()}, sets up and tears down one loopback call in the background, so the first
     * real call starts warm (JIT). The client calls it once its first sync is done, so the warm-up does not compete
     * with showing the contacts; later calls, or one during a call, do nothing (every call that starts, placed or
     * incoming, marks the warm-up done first). Never waits for the manager's thread while it holds the warm-up's lock:
     * a call being placed there takes that lock to stop the warm-up (asking for the current call here once deadlocked
     * the two, and the call never went out).
     */
    public void warmUp() {
        synchronized (warmUpLock) {
            if (!settings.warmUp() || warmUpDone) {
                warmUpDone = true;
                return;
            }
            warmUpDone = true;
            warmUp = Thread.ofPlatform().daemon().name("confab-call-warm-up").start(() -> {
                try {
                    log.info("Call warm-up took {} ms", LoopbackCall.warmUp().toMillis());
                } catch (Exception e) {
                    log.info("Call warm-up stopped (the first call may be slower): {}", e.toString());
                }
            });
        }
    }

    /** A real call is here: the warm-up, if still running, stops so as not to take CPU from it. */
    private void stopWarmUp() {
        synchronized (warmUpLock) {
            warmUpDone = true; // a call came first: no warm-up after it either
            if (warmUp != null) {
                warmUp.interrupt();
                warmUp = null;
            }
        }
    }

    /**
     * Calls a contact, requiring the identity binding of the answering device.
     *
     * @throws ClientException          {@code conflict} if this device is in a call already
     * @throws IllegalArgumentException if {@code audio} names a device or file that is not there
     * @throws dev.confab.client.core.NotSignedInException if not signed in
     */
    public Call place(String peerUserId, CallAudio audio) {
        return place(peerUserId, audio, CallVideo.none(), BindingPolicy.REQUIRED);
    }

    /**
     * Calls a contact with video, requiring the identity binding of the answering device.
     *
     * @throws ClientException          {@code conflict} if this device is in a call already
     * @throws IllegalArgumentException if {@code audio} or {@code video} names a device or file that is not there
     * @throws dev.confab.client.core.NotSignedInException if not signed in
     */
    public Call place(String peerUserId, CallAudio audio, CallVideo video) {
        return place(peerUserId, audio, video, BindingPolicy.REQUIRED);
    }

    /** Calls {@code peerUserId} without video: see {@link #place(String, CallAudio, CallVideo, BindingPolicy)}. */
    public Call place(String peerUserId, CallAudio audio, BindingPolicy binding) {
        return place(peerUserId, audio, CallVideo.none(), binding);
    }

    /**
     * Calls {@code peerUserId}. The call is returned in {@link CallState#OUTGOING} once its invite went out; how it goes
     * on is reported to the observers (a refusal by the server, or no connection to it, ends it at once).
     *
     * @param binding {@link BindingPolicy#UNSIGNED_BROWSER_PEER} only for a browser peer, which cannot sign
     */
    public Call place(String peerUserId, CallAudio audio, CallVideo video, BindingPolicy binding) {
        Objects.requireNonNull(peerUserId, "peerUserId");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(binding, "binding");
        String self = account.require().userId();
        audio.check();
        return onThread(() -> {
            if (current != null) {
                throw new ClientException(ErrorCode.CONFLICT, "You are in a call already; hang up first.");
            }
            if (video.sends()) {
                video.check(cameras());
            }
            Call call = new Call(this, new CallParties(signaling.newCallId(), self, peerUserId), CallDirection.OUTGOING,
                    names.apply(peerUserId), binding, video.sends() ? CallMedia.VIDEO : CallMedia.AUDIO, clock);
            stopWarmUp();
            current = new CallFlow(call, context, this::ended);
            current.invite(audio, video);
            return call;
        });
    }

    /** This device's calls with {@code peerUserId}, newest first (at most {@code limit}). */
    public List<CallRecord> history(String peerUserId, int limit) {
        return history.history(peerUserId, limit);
    }

    /** The cameras this machine has now, by name, for choosing one ({@link CallVideo#camera()}). */
    public List<Camera> cameraList() {
        return onThread(() -> cameras().list());
    }

    /**
     * Lets the next incoming call from {@code browserUserId} — a browser, which has no Confab identity key — in without
     * a signed fingerprint statement. One call only; every other call still requires the binding.
     */
    public void allowUnsignedBrowserCall(String browserUserId) {
        onThread(() -> unsignedBrowserCallers.add(Objects.requireNonNull(browserUserId, "browserUserId")));
    }

    /** The call this device is in, ringing or calling, if any. */
    public Optional<Call> current() {
        return onThread(() -> Optional.ofNullable(current).map(CallFlow::call));
    }

    /**
     * Hangs up any call (waiting up to two seconds for the server to take the hangup, so the peer hears of it at once)
     * and stops the manager's threads.
     */
    @Override
    public void close() {
        try {
            CompletableFuture<Void> left = onThread(() -> current == null ? CompletableFuture.<Void>completedFuture(null)
                    : current.hangUp());
            left.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException | IllegalStateException e) {
            log.info("Closing: the hangup was not acknowledged: {}", e.toString());
        }
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cameras != null) {
            cameras.close();
        }
        timers.shutdownNow();
        dtlsThreads.shutdownNow();
        background.shutdownNow();
    }

    // ---- what Call asks for

    void answer(Call call, CallAudio audio, CallVideo video) {
        onThread(() -> {
            flowOf(call).answer(audio, video);
            return null;
        });
    }

    void audio(Call call, CallAudio next) {
        onThread(() -> {
            flowOf(call).audio(next);
            return null;
        });
    }

    void switchCamera(Call call, String name) {
        onThread(() -> {
            flowOf(call).switchCamera(name);
            return null;
        });
    }

    void camera(Call call, boolean on) {
        onThread(() -> {
            flowOf(call).camera(on);
            return null;
        });
    }

    void reject(Call call) {
        onThread(() -> {
            flowOf(call).reject();
            return null;
        });
    }

    CompletableFuture<Void> hangUp(Call call) {
        return onThread(() -> current != null && current.call() == call ? current.hangUp()
                : CompletableFuture.<Void>completedFuture(null));
    }

    // ---- on the manager's thread

    private CallFlow flowOf(Call call) {
        if (current == null || current.call() != call) {
            throw new IllegalStateException("The call is over (" + call.state() + ").");
        }
        return current;
    }

    private void incoming(ServerMessage.CallIncoming incoming) {
        String self = account.current().map(a -> a.userId()).orElse(null);
        if (self == null) {
            return;
        }
        if (current != null) {
            log.info("Call {} from {}: busy in call {}", incoming.callId(), incoming.callerUserId(), current.call().id());
            signaling.reject(incoming.callId(), true);
            missedWhileBusy(incoming, self);
            return;
        }
        BindingPolicy binding = unsignedBrowserCallers.remove(incoming.callerUserId())
                ? BindingPolicy.UNSIGNED_BROWSER_PEER : BindingPolicy.REQUIRED;
        Call call = incomingCall(incoming, self, binding);
        stopWarmUp();
        current = new CallFlow(call, context, this::ended);
        current.incoming(incoming);
    }

    /** Tells the observers of a call that never rang here, because this device was in another call. */
    private void missedWhileBusy(ServerMessage.CallIncoming incoming, String self) {
        Call missed = incomingCall(incoming, self, BindingPolicy.REQUIRED);
        CallEnd end = CallEnd.of(EndReason.MISSED_WHILE_BUSY);
        missed.ended(end);
        observers.fire(o -> o.onCallEnded(missed, end));
    }

    private Call incomingCall(ServerMessage.CallIncoming incoming, String self, BindingPolicy binding) {
        return new Call(this, new CallParties(incoming.callId(), incoming.callerUserId(), self),
                CallDirection.INCOMING, names.apply(incoming.callerUserId()), binding,
                incoming.media() == null ? CallMedia.AUDIO : incoming.media(), clock);
    }

    private void ended(CallFlow flow) {
        if (current == flow) {
            current = null;
        }
    }

    private Optional<CallFlow> flowFor(String callId) {
        return current != null && current.call().id().equals(callId) ? Optional.of(current) : Optional.empty();
    }

    /** The machine's cameras, watched from the first video call (or listing) on. On the manager's thread. */
    private Cameras cameras() {
        if (cameras == null) {
            cameras = Cameras.start(settings.cameras().get(), CamerasOptions.defaults(),
                    event -> log.info("Camera: {}", event));
        }
        return cameras;
    }

    private CallSessionConfig sessionConfig() {
        IceAgentConfig ice = iceServers.apply(IceAgentConfig.defaults().withLoopback(settings.includeLoopback())
                .withRelayOnly(settings.relayOnly()));
        return new CallSessionConfig(ice, certificates.take(), DtlsConfig.defaults(), timers, dtlsThreads, random,
                settings.reconnectWithin(), settings.maxSendBitrate());
    }

    private <T> T onThread(java.util.concurrent.Callable<T> work) {
        if (Thread.currentThread() == managerThread) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(work.call());
                } catch (Exception | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("The client is closed.", e);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the call.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void later(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("A call event failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed: no more calls.
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Signaling from the client's event thread, handed to the manager's thread in order. */
    private final class Relay implements CallListener {
        @Override
        public void onIncoming(ServerMessage.CallIncoming call) {
            later(() -> incoming(call));
        }

        @Override
        public void onRinging(ServerMessage.CallRinging ringing) {
            later(() -> flowFor(ringing.callId()).ifPresent(f -> f.ringing(ringing)));
        }

        @Override
        public void onAccepted(ServerMessage.CallAccepted accepted) {
            later(() -> flowFor(accepted.callId()).ifPresent(f -> f.accepted(accepted)));
        }

        @Override
        public void onCandidate(ServerMessage.CallCandidate candidate) {
            later(() -> flowFor(candidate.callId()).ifPresent(f -> f.candidate(candidate)));
        }

        @Override
        public void onSdp(ServerMessage.CallSdp sdp) {
            later(() -> flowFor(sdp.callId()).ifPresent(f -> f.sdp(sdp)));
        }

        @Override
        public void onEnded(ServerMessage.CallEnded ended) {
            later(() -> flowFor(ended.callId()).ifPresent(f -> f.serverEnded(ended.reason())));
        }

        @Override
        public void onReconnected() {
            later(() -> {
                if (current != null) {
                    current.signalingReturned();
                }
            });
        }
    }
}
