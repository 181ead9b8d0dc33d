package dev.confab.client.core.events;

import dev.confab.client.core.api.ApiException;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolVersion;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.protocol.ws.WsCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event WebSocket ({@code /api/v1/ws}) of one signed-in device, kept up by itself.
 *
 * <p>After {@link #start()} it connects, and whenever the connection fails or is lost it schedules the next
 * attempt with {@link Backoff}. It counts as {@link ConnectionState#CONNECTED} from the server's {@code welcome}.
 * Once welcomed it sends an application {@code ping} every {@code heartbeatSeconds}; when nothing at all arrives
 * for twice that long it drops the connection and reconnects (a half-open TCP connection never reports an error).
 * A refused upgrade (401: the session is gone; 426: protocol too old) or a {@code session.revoked} event stops it
 * for good and reports {@link Handler#onRejected}. Being replaced by a newer connection of the same session (close
 * code 4001, when more than two clients run on one profile) stops it too, without ending the session.
 *
 * <p>Threading: all state lives on the client's event thread (the single-threaded {@code loop}); OkHttp's
 * callbacks hop onto it ({@link SocketCallbacks}), tagged with a connection generation so a late callback of an old
 * socket is ignored. The heartbeat watchdog ({@link HeartbeatWatchdog}) and the table of messages waiting for their
 * ack ({@link PendingAcks}) live on that thread too.
 * {@link Handler} methods and {@link ConnectionListener}s run on that thread, in order. Public methods may be
 * called from any thread.
 */
public final class EventStream {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    /** What the stream reports to its owner, on the event thread. */
    public interface Handler {
        /** The server welcomed a new connection: re-read state over REST now. */
        void onWelcome(ServerMessage.Welcome welcome);

        /** An event (anything but {@code welcome}, {@code ack} and answers to this client's messages). */
        void onEvent(ServerMessage event);

        /** A welcomed connection ended; the stream is reconnecting (or was stopped). */
        void onDisconnected();

        /** The server refused this session for good; the stream stopped and will not reconnect. */
        void onRejected(ApiException reason);
    }

    private final OkHttpClient http;
    private final HttpUrl url;
    private final Supplier<String> token;
    private final ScheduledExecutorService loop;
    private final Clock clock;
    private final Backoff backoff;
    private final Handler handler;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final String idPrefix;

    // Event-thread state.
    private boolean running;
    private int generation;
    private WebSocket socket;
    private boolean welcomed;
    private ScheduledFuture<?> reconnectTimer;
    private ScheduledFuture<?> welcomeTimer;
    private final PendingAcks pending = new PendingAcks();
    private final HeartbeatWatchdog watchdog;

    private volatile ConnectionStatus status = ConnectionStatus.OFFLINE;

    public EventStream(OkHttpClient http, HttpUrl baseUrl, Supplier<String> token, ScheduledExecutorService loop,
            Clock clock, Backoff backoff, Handler handler, String idPrefix) {
        this.http = Objects.requireNonNull(http, "http");
        this.url = baseUrl.newBuilder().addPathSegments("api/v1/ws").build();
        this.token = Objects.requireNonNull(token, "token");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
        this.watchdog = new HeartbeatWatchdog(loop, clock);
    }

    public void addListener(ConnectionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    /** The current status; readable from any thread. */
    public ConnectionStatus status() {
        return status;
    }

    /** Starts connecting (and keeps reconnecting) until {@link #stop()}. Does nothing if already started. */
    public void start() {
        onLoop(() -> {
            if (running) {
                return;
            }
            running = true;
            backoff.reset();
            connect(ConnectionState.CONNECTING, null);
        });
    }

    /** Closes the connection and stops reconnecting; the status becomes {@link ConnectionState#OFFLINE}. */
    public void stop() {
        onLoop(() -> halt(null));
    }

    /** Drops the current connection as if it were lost, and reconnects (for a watchdog or a network change). */
    public void reconnectNow() {
        onLoop(() -> {
            if (running) {
                lost(generation, "reconnect requested");
            }
        });
    }

    /**
     * Checks at once that the connection still carries traffic, when something suggests the network changed under it
     * (a call's media path died): sends a {@code ping} and, when nothing at all arrives within {@code within},
     * reconnects without waiting for the heartbeat to notice, which takes up to twice the heartbeat.
     */
    public void checkAlive(Duration within) {
        onLoop(() -> {
            if (!running || !welcomed) {
                return;
            }
            int gen = generation;
            long askedAt = clock.millis();
            send(new ClientMessage.Ping(nextId())).exceptionally(e -> null);
            loop.schedule(() -> {
                if (gen == generation && running && !watchdog.heardSince(askedAt)) {
                    lost(gen, "no answer from the server within " + within.toMillis() + " ms of a check");
                }
            }, within.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** A fresh message id, unique for this stream. Thread-safe. */
    public String nextId() {
        return idPrefix + "-" + ids.incrementAndGet();
    }

    /**
     * Sends a message; the future completes when the server acks it, and fails with an {@link ApiException}
     * carrying the server's code when it answers {@code error}, or {@link ApiException.Kind#UNREACHABLE} when
     * the connection is down or goes down before the answer.
     */
    public CompletableFuture<Void> send(ClientMessage message) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        boolean queued = onLoop(() -> {
            if (!welcomed || socket == null) {
                answer.completeExceptionally(ApiException.disconnected());
                return;
            }
            pending.add(message.id(), answer);
            if (!socket.send(WsCodec.encode(message))) {
                pending.fail(message.id(), ApiException.disconnected());
                return;
            }
            int gen = generation;
            loop.schedule(() -> {
                if (gen == generation) {
                    pending.fail(message.id(), ApiException.unreachable(url.toString(), null));
                }
            }, ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        });
        if (!queued) {
            answer.completeExceptionally(ApiException.disconnected());
        }
        return answer;
    }

    // ---- event-thread internals

    private void connect(ConnectionState state, String lastError) {
        int gen = ++generation;
        welcomed = false;
        String bearer = token.get();
        if (bearer == null) {
            halt(ApiException.server(401, ErrorCode.UNAUTHORIZED.wire(), "Not signed in", Map.of()));
            return;
        }
        Request request = new Request.Builder().url(url)
                .header(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT))
                .header("Authorization", "Bearer " + bearer)
                .build();
        setStatus(new ConnectionStatus(state, null, backoff.attempts(), lastError));
        socket = http.newWebSocket(request, new SocketCallbacks(this, gen));
        welcomeTimer = loop.schedule(() -> {
            if (gen == generation && !welcomed) {
                lost(gen, "the server did not welcome the connection in time");
            }
        }, WELCOME_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A frame of connection {@code gen} arrived (from {@link SocketCallbacks}, on the event thread). */
    void received(int gen, String text) {
        if (gen != generation || !running) {
            return;
        }
        watchdog.heard();
        switch (WsCodec.decodeServer(text)) {
            case WsCodec.Decoded.Rejected<ServerMessage> rejected ->
                    log.warn("Ignoring a server frame this client cannot read: {}", rejected.error().getMessage());
            case WsCodec.Decoded.Ok<ServerMessage> ok -> dispatch(ok.message());
        }
    }

    private void dispatch(ServerMessage message) {
        switch (message) {
            case ServerMessage.Welcome welcome -> {
                welcomed = true;
                cancel(welcomeTimer);
                backoff.reset();
                int gen = generation;
                watchdog.start(welcome.heartbeatSeconds(),
                        silentFor -> lost(gen, "no traffic from the server for " + silentFor / 1000 + " s"),
                        () -> send(new ClientMessage.Ping(nextId())).exceptionally(e -> null));
                log.info("Event connection up: device {} of user {}, heartbeat {} s", welcome.deviceId(), welcome.userId(),
                        welcome.heartbeatSeconds());
                setStatus(new ConnectionStatus(ConnectionState.CONNECTED, null, 0, null));
                handler.onWelcome(welcome);
            }
            case ServerMessage.Ack ack -> pending.acked(ack.id());
            case ServerMessage.Error error -> {
                ErrorCode code = ErrorCode.fromWire(error.code());
                ApiException failure = ApiException.server(code == null ? 0 : code.httpStatus(), error.code(),
                        error.message(), error.details());
                if (!pending.fail(error.id(), failure)) {
                    log.warn("The server reported an error on the event connection: {} ({})", error.message(), error.code());
                }
            }
            case ServerMessage.SessionRevoked revoked -> {
                handler.onEvent(revoked);
                halt(ConnectionFailures.revoked());
            }
            default -> handler.onEvent(message);
        }
    }

    /** Connection attempt {@code gen} failed, or its connection broke (from {@link SocketCallbacks}). */
    void failed(int gen, Throwable error, Response response) {
        if (gen != generation || !running) {
            return;
        }
        int code = response == null ? 0 : response.code();
        ApiException refusal = ConnectionFailures.finalRefusal(code);
        if (refusal != null) {
            halt(refusal);
        } else {
            lost(gen, ConnectionFailures.describe(error, code));
        }
    }

    /** The connection {@code gen} ended: tidy up and schedule the next attempt. */
    void lost(int gen, String reason) {
        if (gen != generation || !running) {
            return;
        }
        boolean wasConnected = teardown();
        generation++;
        log.info("Event connection lost: {}", reason);
        if (wasConnected) {
            handler.onDisconnected();
        }
        Duration delay = backoff.next();
        setStatus(new ConnectionStatus(ConnectionState.RECONNECTING, clock.instant().plus(delay), backoff.attempts(), reason));
        int scheduledFor = generation;
        reconnectTimer = loop.schedule(() -> {
            if (running && scheduledFor == generation) {
                connect(ConnectionState.RECONNECTING, reason);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The server closed connection {@code gen}. Normally the stream reconnects; when a newer connection of this
     * session replaced this one (more than two clients on one profile), reconnecting would only replace another,
     * so the stream stops, without signing out.
     */
    void closedByServer(int gen, int code, String reason) {
        if (gen != generation || !running) {
            return;
        }
        if (code == ConnectionFailures.REPLACED) {
            log.warn("Event connection replaced by a newer one of this session; not reconnecting");
            halt(ConnectionFailures.replaced(), null);
        } else {
            lost(gen, "the server closed the connection" + (reason.isBlank() ? "" : " (" + reason + ")"));
        }
    }

    /** Stops for good; {@code reason} is null for a deliberate stop. */
    private void halt(ApiException reason) {
        halt(reason == null ? null : reason.getMessage(), reason);
    }

    /** Stops for good, showing {@code error} (null for a deliberate stop); a {@code rejection} ends the session too. */
    private void halt(String error, ApiException rejection) {
        boolean wasRunning = running;
        if (!wasRunning && socket == null && status.state() == ConnectionState.OFFLINE) {
            return;
        }
        running = false;
        boolean wasConnected = teardown();
        generation++;
        cancel(reconnectTimer);
        setStatus(new ConnectionStatus(ConnectionState.OFFLINE, null, 0, error));
        if (wasConnected) {
            handler.onDisconnected();
        }
        if (rejection != null && wasRunning) {
            handler.onRejected(rejection);
        }
    }

    /** Closes the socket and fails what waits for it; returns whether it was welcomed. */
    private boolean teardown() {
        boolean wasConnected = welcomed;
        welcomed = false;
        watchdog.stop();
        cancel(welcomeTimer);
        if (socket != null) {
            WebSocket old = socket;
            socket = null;
            if (!old.close(1000, "client closing")) {
                old.cancel();
            }
        }
        pending.failAll(ApiException::disconnected);
        return wasConnected;
    }

    private void setStatus(ConnectionStatus next) {
        status = next;
        for (ConnectionListener listener : listeners) {
            try {
                listener.onConnectionChanged(next);
            } catch (RuntimeException e) {
                log.error("A connection listener failed", e);
            }
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Runs {@code task} on the event thread; false when the client is closing. */
    boolean onLoop(Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Event stream task failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
