package dev.confab.server.ws;

import dev.confab.protocol.ProtocolVersion;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.sessions.Principal;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's listener for one event WebSocket of a signed-in device: opens the {@link Connection} (welcome, presence
 * snapshot, inbox), hands frames to the dispatcher, notes every sign of life (frames, pings, pongs) for the
 * heartbeat, and cleans up once on close or error. Public only because Jetty calls it reflectively. Jetty calls
 * it from one thread at a time, frames in order.
 */
public final class WsSocket implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(WsSocket.class);

    private final WsEndpoint.Services s;
    private final WsEndpoint.Settings settings;
    private final Principal principal;
    private Connection connection;
    private boolean closed;

    WsSocket(WsEndpoint.Services services, WsEndpoint.Settings settings, Principal principal) {
        this.s = services;
        this.settings = settings;
        this.principal = principal;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        connection = new Connection(principal, session, settings.maxQueued(), s.metrics()::wsSlowClientClosed);
        Principal p = principal;
        connection.send(new ServerMessage.Welcome(ProtocolVersion.CURRENT, p.userId(), p.deviceId(), p.sessionId(),
                settings.clock().millis(), (int) settings.heartbeat().toSeconds()));
        boolean firstOfDevice = s.registry().add(connection);
        if (!s.sessions().isActive(p.sessionId())) {
            // Revoked between the upgrade and now: the revocation found no connection to close.
            connection.closeAfter(new ServerMessage.SessionRevoked(p.sessionId()), Connection.CLOSE_REVOKED,
                    "session revoked");
            return;
        }
        s.presence().deviceConnected(p);
        s.presence().snapshot(p.userId()).forEach(connection::send);
        connection.inbox(s.inbox().open(p.deviceId(), connection::send));
        if (firstOfDevice) {
            s.calls().deviceOnline(p.deviceId());
        }
    }

    @Override
    public void onWebSocketText(String message) {
        connection.heard();
        s.dispatcher().onText(connection, message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        connection.heard();
        s.dispatcher().onBinary(connection);
        callback.succeed();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        connection.heard();
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        connection.heard();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        close();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("WebSocket error: {}", cause.toString());
        close();
    }

    private synchronized void close() {
        if (closed || connection == null) {
            return;
        }
        closed = true;
        connection.closed();
        if (connection.inbox() != null) {
            s.inbox().close(connection.inbox());
        }
        boolean lastOfDevice = s.registry().remove(connection);
        s.presence().deviceDisconnected(principal);
        if (lastOfDevice) {
            s.calls().deviceOffline(principal.deviceId());
        }
    }
}
