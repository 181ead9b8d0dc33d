package dev.confab.server;

import dev.confab.server.config.ServerConfig;
import dev.confab.server.http.AccessLog;
import dev.confab.server.http.Cors;
import dev.confab.server.http.ErrorMapper;
import dev.confab.server.http.JsonErrorHandler;
import dev.confab.server.http.RequestGuard;
import dev.confab.server.storage.WalCheckpointer;
import dev.confab.server.tls.TlsListener;
import dev.confab.server.ws.Connection;
import dev.confab.server.ws.WsEndpoint;
import io.javalin.Javalin;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server: Javalin on Jetty with the REST API and the event WebSocket, its timers and chores, and an
 * orderly stop (WebSockets closed with 1001, then HTTP, then the database). Thread-safe: {@link #stop()} is
 * idempotent and may be called from any thread, such as a shutdown hook, while another waits in
 * {@link #awaitStop()}.
 */
public final class ConfabServer {
    private static final Logger LOG = LoggerFactory.getLogger(ConfabServer.class);
    /** How long a stop waits for WebSockets to finish their close handshakes. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final Core core;
    private final Javalin app;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    private ConfabServer(Core core, Javalin app) {
        this.core = core;
        this.app = app;
    }

    /**
     * Reads the TLS key material (when configured), opens the database, builds the features and starts listening.
     * Unusable TLS files are a {@link dev.confab.server.config.ConfigException}, thrown before the database opens.
     */
    public static ConfabServer start(ServerConfig config, Clock clock, SecureRandom random) {
        Optional<TlsListener> tls = config.tls().map(TlsListener::open);
        Core core = Core.open(config, clock, random);
        try {
            Features features = new Features(core);
            AccessLog accessLog = new AccessLog(core.metrics());
            WsEndpoint ws = features.webSocket();
            Javalin app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                cfg.http.prefer405over404 = true;
                cfg.http.maxRequestSize = config.limits().maxBodyBytes();
                cfg.concurrency.useVirtualThreads = true;
                cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
                tls.ifPresent(listener -> cfg.jetty.addConnector((server, http) ->
                        listener.connector(server, http, config.bind(), config.port())));
                cfg.jetty.modifyServletContextHandler(handler -> {
                    handler.setErrorHandler(new JsonErrorHandler());
                    handler.getSessionHandler().setUsingCookies(false);
                    ws.addTo(handler);
                });
                cfg.requestLogger.http(accessLog::log);
                ErrorMapper.addTo(cfg.routes);
                Cors.addTo(cfg.routes, config.allowedOrigins());
                RequestGuard.addTo(cfg.routes, config.limits().maxBodyBytes());
                features.addRoutes(cfg.routes, version());
            });
            app.start(config.bind(), config.port());
            core.timers().every(config.heartbeat(), ws::heartbeat);
            core.timers().every(Duration.ofMinutes(1), core.limits()::sweep);
            // Database chores run off the timer thread, so they never delay call timers.
            Runnable checkpoint = new WalCheckpointer(core.db());
            Runnable housekeeping = features.housekeeping();
            core.background().execute(housekeeping);
            core.timers().every(Duration.ofHours(1), () -> core.background().execute(housekeeping));
            core.timers().every(config.database().checkpointInterval(), () -> core.background().execute(checkpoint));
            tls.ifPresent(listener -> core.timers().every(listener.reloadCheck(),
                    () -> core.background().execute(listener::reloadIfChanged)));
            String address = config.bind() + ":" + app.port();
            LOG.info("Confab server {} listening on {}://{} (event WebSocket {}://{}{}; {} database)", version(),
                    tls.isPresent() ? "https" : "http", address, tls.isPresent() ? "wss" : "ws", address, WsEndpoint.PATH,
                    core.db().kind().name().toLowerCase(Locale.ROOT));
            tls.ifPresent(listener -> LOG.info("TLS certificate: {}", TlsListener.describe(listener.certificate())));
            return new ConfabServer(core, app);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    /** The port it listens on (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Closes every WebSocket with 1001, stops HTTP and closes the database. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Shutting down");
        core.registry().all().forEach(c -> c.close(Connection.CLOSE_GOING_AWAY, "server shutting down"));
        try {
            if (!core.registry().awaitEmpty(CLOSE_WAIT)) {
                LOG.info("{} WebSockets did not close in time; stopping anyway", core.registry().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        core.close();
        done.countDown();
        LOG.info("Stopped");
    }

    /** Blocks until {@link #stop()} finished. */
    public void awaitStop() throws InterruptedException {
        done.await();
    }

    /** The server's version from the jar manifest, or "dev" when run from classes. */
    public static String version() {
        String v = ConfabServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
