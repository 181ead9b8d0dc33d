package dev.confab.client.core.events;

import dev.confab.client.core.api.ApiException;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolVersion;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.protocol.ws.WsCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
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
import okhttp3.WebSocketListener;
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
 * for good and reports {@link Handler#onRejected}.
 *
 * <p>Threading: all state lives on the client's event thread (the single-threaded {@code loop}); OkHttp's
 * callbacks hop onto it, tagged with a connection generation so a late callback of an old socket is ignored.
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
    private int heartbeatSeconds;
    private long lastReceivedAt;
    private long lastPingAt;
    private ScheduledFuture<?> reconnectTimer;
    private ScheduledFuture<?> heartbeatTimer;
    private ScheduledFuture<?> welcomeTimer;
    private final Map<String, CompletableFuture<Void>> pending = new HashMap<>();

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
            pending.put(message.id(), answer);
            if (!socket.send(WsCodec.encode(message))) {
                pending.remove(message.id());
                answer.completeExceptionally(ApiException.disconnected());
                return;
            }
            int gen = generation;
            loop.schedule(() -> {
                CompletableFuture<Void> late = gen == generation ? pending.remove(message.id()) : null;
                if (late != null) {
                    late.completeExceptionally(ApiException.unreachable(url.toString(), null));
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
        socket = http.newWebSocket(request, new SocketListener(gen));
        welcomeTimer = loop.schedule(() -> {
            if (gen == generation && !welcomed) {
                lost(gen, "the server did not welcome the connection in time");
            }
        }, WELCOME_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void received(int gen, String text) {
        if (gen != generation || !running) {
            return;
        }
        lastReceivedAt = clock.millis();
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
                heartbeatSeconds = Math.max(1, welcome.heartbeatSeconds());
                lastPingAt = clock.millis();
                long tick = Math.max(250, heartbeatSeconds * 1000L / 2);
                int gen = generation;
                heartbeatTimer = loop.scheduleWithFixedDelay(() -> heartbeat(gen), tick, tick, TimeUnit.MILLISECONDS);
                log.info("Event connection up: device {} of user {}, heartbeat {} s", welcome.deviceId(), welcome.userId(),
                        welcome.heartbeatSeconds());
                setStatus(new ConnectionStatus(ConnectionState.CONNECTED, null, 0, null));
                handler.onWelcome(welcome);
            }
            case ServerMessage.Ack ack -> {
                CompletableFuture<Void> answer = pending.remove(ack.id());
                if (answer != null) {
                    answer.complete(null);
                }
            }
            case ServerMessage.Error error -> {
                CompletableFuture<Void> answer = error.id() == null ? null : pending.remove(error.id());
                ErrorCode code = ErrorCode.fromWire(error.code());
                ApiException failure = ApiException.server(code == null ? 0 : code.httpStatus(), error.code(),
                        error.message(), error.details());
                if (answer != null) {
                    answer.completeExceptionally(failure);
                } else {
                    log.warn("The server reported an error on the event connection: {} ({})", error.message(), error.code());
                }
            }
            case ServerMessage.SessionRevoked revoked -> {
                handler.onEvent(revoked);
                halt(ApiException.server(401, ErrorCode.UNAUTHORIZED.wire(),
                        "This session was signed out (from another device, by a password change, or the account was deleted).",
                        Map.of()));
            }
            default -> handler.onEvent(message);
        }
    }

    private void heartbeat(int gen) {
        if (gen != generation || !welcomed) {
            return;
        }
        long now = clock.millis();
        long silentFor = now - lastReceivedAt;
        if (silentFor > 2L * heartbeatSeconds * 1000) {
            lost(gen, "no traffic from the server for " + silentFor / 1000 + " s");
            return;
        }
        if (now - lastPingAt >= heartbeatSeconds * 1000L) {
            lastPingAt = now;
            send(new ClientMessage.Ping(nextId())).exceptionally(e -> null);
        }
    }

    private void failed(int gen, Throwable error, Response response) {
        if (gen != generation || !running) {
            return;
        }
        int code = response == null ? 0 : response.code();
        if (code == 401) {
            halt(ApiException.server(401, ErrorCode.UNAUTHORIZED.wire(),
                    "Your session is no longer valid (signed out, expired or revoked). Sign in again.", Map.of()));
        } else if (code == 426) {
            halt(ApiException.server(426, ErrorCode.UNSUPPORTED_PROTOCOL.wire(),
                    "The server does not speak this client's protocol version; update Confab.", Map.of()));
        } else if (code != 0) {
            lost(gen, "the server refused the event connection (HTTP " + code + ")");
        } else {
            lost(gen, describe(error));
        }
    }

    /** The connection {@code gen} ended: tidy up and schedule the next attempt. */
    private void lost(int gen, String reason) {
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

    /** Stops for good; {@code reason} is null for a deliberate stop. */
    private void halt(ApiException reason) {
        boolean wasRunning = running;
        if (!wasRunning && socket == null && status.state() == ConnectionState.OFFLINE) {
            return;
        }
        running = false;
        boolean wasConnected = teardown();
        generation++;
        cancel(reconnectTimer);
        setStatus(new ConnectionStatus(ConnectionState.OFFLINE, null, 0, reason == null ? null : reason.getMessage()));
        if (wasConnected) {
            handler.onDisconnected();
        }
        if (reason != null && wasRunning) {
            handler.onRejected(reason);
        }
    }

    /** Closes the socket and fails what waits for it; returns whether it was welcomed. */
    private boolean teardown() {
        boolean wasConnected = welcomed;
        welcomed = false;
        cancel(heartbeatTimer);
        cancel(welcomeTimer);
        if (socket != null) {
            WebSocket old = socket;
            socket = null;
            if (!old.close(1000, "client closing")) {
                old.cancel();
            }
        }
        if (!pending.isEmpty()) {
            List<CompletableFuture<Void>> waiting = List.copyOf(pending.values());
            pending.clear();
            waiting.forEach(f -> f.completeExceptionally(ApiException.disconnected()));
        }
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

    private static String describe(Throwable error) {
        if (error instanceof java.net.ConnectException) {
            return "the server refused the connection (is it running?)";
        }
        if (error instanceof java.net.SocketTimeoutException) {
            return "the server did not answer in time";
        }
        if (error instanceof java.io.EOFException) {
            return "the server closed the connection";
        }
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }

    private boolean onLoop(Runnable task) {
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

    /** OkHttp's callbacks, hopping onto the event thread with the generation they belong to. */
    private final class SocketListener extends WebSocketListener {
        private final int gen;

        SocketListener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            onLoop(() -> received(gen, text));
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            onLoop(() -> lost(gen, "the server closed the connection" + (reason.isBlank() ? "" : " (" + reason + ")")));
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            onLoop(() -> lost(gen, "the connection closed"));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable error, Response response) {
            onLoop(() -> failed(gen, error, response));
        }
    }
}
