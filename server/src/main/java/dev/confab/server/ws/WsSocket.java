package dev.confab.server.ws;

import dev.confab.protocol.ProtocolVersion;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.chat.InboxStream;
import dev.confab.server.sessions.Principal;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's listener for one event WebSocket of a signed-in device: opens the {@link Connection} (welcome, presence
 * snapshot, inbox), hands frames to the dispatcher, notes every sign of life (frames, pings, pongs) for the
 * heartbeat, and cleans up once on close or error, undoing exactly the steps the open got through (a connection
 * refused by the registry, or whose session was revoked meanwhile, never counted for presence). Public only because
 * Jetty calls it reflectively. Jetty calls it from one thread at a time, frames in order; should a close race the
 * open anyway, the socket's monitor orders their bookkeeping (it guards only the flags below, never a call that
 * could write to a socket), and whichever comes second undoes what the other did.
 */
public final class WsSocket implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(WsSocket.class);

    private final WsEndpoint.Services s;
    private final WsEndpoint.Settings settings;
    private final Principal principal;
    private volatile Connection connection;
    /** Guarded by this: what the open did so far, and whether the close ran. */
    private boolean registered;
    private boolean presenceCounted;
    private InboxStream inbox;
    private boolean closed;

    WsSocket(WsEndpoint.Services services, WsEndpoint.Settings settings, Principal principal) {
        this.s = services;
        this.settings = settings;
        this.principal = principal;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        Connection c = new Connection(principal, session, settings.bounds(), s.metrics()::wsSlowClientClosed,
                System::nanoTime);
        connection = c;
        Principal p = principal;
        // The client re-reads its state when the welcome arrives and relies on events for every change after: the
        // welcome leaves only once the registry sends this connection those events.
        c.hold();
        c.send(new ServerMessage.Welcome(ProtocolVersion.CURRENT, p.userId(), p.deviceId(), p.sessionId(),
                settings.clock().millis(), (int) settings.heartbeat().toSeconds()));
        ConnectionRegistry.Admission admission = s.registry().add(c);
        if (!admission.admitted()) {
            c.close(Connection.CLOSE_TRY_AGAIN_LATER, "too many connections for this account");
            return;
        }
        if (!step(() -> registered = true)) {
            s.registry().remove(c);
            return;
        }
        c.release();
        admission.replaced().forEach(old -> old.close(Connection.CLOSE_REPLACED,
                "replaced by a newer connection of this session"));
        if (!s.sessions().isActive(p.sessionId())) {
            // Revoked between the upgrade and now: the revocation found no connection to close.
            c.closeAfter(new ServerMessage.SessionRevoked(p.sessionId()), Connection.CLOSE_REVOKED, "session revoked");
            return;
        }
        s.presence().deviceConnected(p);
        if (!step(() -> presenceCounted = true)) {
            s.presence().deviceDisconnected(p);
            return;
        }
        s.presence().snapshot(p.userId()).forEach(c::send);
        InboxStream stream = s.inbox().open(p.deviceId(), c::send);
        if (!step(() -> inbox = stream)) {
            s.inbox().close(stream);
            return;
        }
        if (admission.firstOfDevice()) {
            s.calls().deviceOnline(p.deviceId());
        }
    }

    @Override
    public void onWebSocketText(String message) {
        Connection c = connection;
        c.heard();
        if (isRegistered()) {
            s.dispatcher().onText(c, message);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        Connection c = connection;
        c.heard();
        if (isRegistered()) {
            s.dispatcher().onBinary(c);
        }
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

    /** Records a step of the open unless the close ran already; returns false when the open must undo it. */
    private synchronized boolean step(Runnable record) {
        if (closed) {
            return false;
        }
        record.run();
        return true;
    }

    private synchronized boolean isRegistered() {
        return registered && !closed;
    }

    private void close() {
        boolean wasRegistered;
        boolean counted;
        InboxStream stream;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            wasRegistered = registered;
            counted = presenceCounted;
            stream = inbox;
        }
        Connection c = connection;
        if (c != null) {
            c.closed();
        }
        if (stream != null) {
            s.inbox().close(stream);
        }
        if (!wasRegistered) {
            return;
        }
        boolean lastOfDevice = s.registry().remove(c);
        if (counted) {
            s.presence().deviceDisconnected(principal);
        }
        if (lastOfDevice) {
            s.calls().deviceOffline(principal.deviceId());
        }
    }
}
