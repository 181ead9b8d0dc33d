package dev.confab.server.ws;

import dev.confab.protocol.ErrorBody;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.ProtocolVersion;
import dev.confab.server.calls.CallRelay;
import dev.confab.server.chat.InboxPusher;
import dev.confab.server.config.AllowedOrigins;
import dev.confab.server.http.Authenticator;
import dev.confab.server.http.Cors;
import dev.confab.server.http.JsonErrorHandler;
import dev.confab.server.http.RequestGuard;
import dev.confab.server.metrics.ServerMetrics;
import dev.confab.server.presence.PresenceService;
import dev.confab.server.sessions.Principal;
import dev.confab.server.sessions.SessionService;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event WebSocket at {@value #PATH}, mapped directly on Jetty (not through Javalin) so it sees pongs: the
 * upgrade is checked first (a JSON error and no upgrade when the origin, the token or the version is bad): an
 * {@code Origin} not in {@code allowedOrigins} is {@code 403 forbidden} (no {@code Origin}, as from the CLI, is
 * fine); the token comes from the {@code Authorization} header or, for a browser, from the subprotocols
 * ({@link BrowserSubprotocols}), with the same checks either way; on open the
 * device gets {@code welcome}, a {@code presence} per contact and its pending inbox; frames go to the
 * {@link WsDispatcher}; on close the device's presence and calls are updated. An account with
 * {@code connectionsPerUser} connections open gets {@code 429 rate_limited} instead of another. The
 * {@link #heartbeat()} pings every connection and drops those that sent nothing - not even a pong - for three
 * heartbeats, and those whose oldest write has waited longer than {@code writeTimeout} (a client that pings but
 * never reads). Thread-safe.
 */
public final class WsEndpoint {
    public static final String PATH = "/api/v1/ws";
    private static final Logger LOG = LoggerFactory.getLogger(WsEndpoint.class);

    /** What the endpoint needs from the rest of the server. */
    public record Services(Authenticator authenticator, SessionService sessions, ConnectionRegistry registry, WsDispatcher dispatcher,
            PresenceService presence, InboxPusher inbox, CallRelay calls, ServerMetrics metrics) {}

    /** Sizes and times. */
    public record Settings(Clock clock, Duration heartbeat, Connection.Bounds bounds, Duration writeTimeout,
            int connectionsPerUser, int hardFrameLimit, AllowedOrigins allowedOrigins) {}

    private final Services s;
    private final Settings settings;

    public WsEndpoint(Services services, Settings settings) {
        this.s = services;
        this.settings = settings;
    }

    /** Maps the endpoint on the servlet context, in front of Javalin's servlet. */
    public void addTo(ServletContextHandler context) {
        JettyWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setMaxTextMessageSize(settings.hardFrameLimit());
            container.setMaxBinaryMessageSize(settings.hardFrameLimit());
            container.setIdleTimeout(settings.heartbeat().multipliedBy(4));
            container.addMapping(PATH, this::upgrade);
        });
    }

    /** The heartbeat: drops silent connections and pings the others; called every {@code ws.heartbeat-seconds}. */
    public void heartbeat() {
        long silence = settings.heartbeat().multipliedBy(3).toNanos();
        long stall = settings.writeTimeout().toNanos();
        for (Connection c : s.registry().all()) {
            if (c.silentNanos() > silence) {
                LOG.debug("Dropping a WebSocket silent for {} s", c.silentNanos() / 1_000_000_000L);
                c.abort();
            } else if (c.stalledNanos() > stall) {
                LOG.debug("Dropping a WebSocket that has not read for {} s", c.stalledNanos() / 1_000_000_000L);
                s.metrics().wsSlowClientClosed();
                c.abort();
            } else {
                c.ping();
            }
        }
    }

    /** Checks the origin, the version and the token; answers with the protocol's JSON error instead of upgrading. */
    private Object upgrade(JettyServerUpgradeRequest request, JettyServerUpgradeResponse response) {
        try {
            String origin = request.getOrigin();
            if (origin != null && !settings.allowedOrigins().allows(origin)) {
                throw Cors.originRefused();
            }
            if (!ProtocolVersion.isSupported(request.getHeader(ProtocolVersion.HEADER))) {
                throw RequestGuard.unsupportedProtocol();
            }
            BrowserSubprotocols subprotocols = new BrowserSubprotocols(request.getSubProtocols());
            String selected = subprotocols.selected();
            Principal principal = authenticate(request, subprotocols);
            if (!s.registry().admits(principal)) {
                long seconds = settings.heartbeat().toSeconds();
                throw new ProtocolException(ErrorCode.RATE_LIMITED, "This account has " + settings.connectionsPerUser()
                        + " event connections open already; try again in " + seconds + " s",
                        Map.of("retryAfterSeconds", seconds));
            }
            if (selected != null) {
                response.setAcceptedSubProtocol(selected);
            }
            return new WsSocket(s, settings, principal);
        } catch (ProtocolException e) {
            if (e.details().get("retryAfterSeconds") instanceof Number seconds) {
                response.setHeader("Retry-After", Long.toString(seconds.longValue()));
            }
            try {
                response.sendError(e.code().httpStatus(), JsonErrorHandler.preformatted(ErrorBody.of(e)));
            } catch (IOException io) {
                LOG.debug("Could not refuse a WebSocket upgrade: {}", io.toString());
            }
            return null;
        }
    }

    private Principal authenticate(JettyServerUpgradeRequest request, BrowserSubprotocols subprotocols) {
        String address = request.getHttpServletRequest().getRemoteAddr();
        String authorization = request.getHeader("Authorization");
        String token = subprotocols.bearerToken(authorization != null);
        return token == null ? s.authenticator().authenticate(authorization, address)
                : s.authenticator().authenticateToken(token, address);
    }
}
