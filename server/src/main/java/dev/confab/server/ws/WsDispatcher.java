package dev.confab.server.ws;

import dev.confab.protocol.ErrorBody;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.protocol.ws.WsCodec;
import dev.confab.server.calls.CallRelay;
import dev.confab.server.chat.ChatService;
import dev.confab.server.limits.RateLimiter;
import dev.confab.server.metrics.ServerMetrics;
import dev.confab.server.presence.PresenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one client frame and acts on it: decoding within the configured frame limit, the rate limit (per session,
 * so opening more connections buys no more messages), then the message's effect, answered with an {@code ack} or
 * an {@code error} naming the message id. Nothing a client sends closes the connection (except an oversize frame
 * Jetty refuses outright). Thread-safe; Jetty delivers one connection's frames in order.
 */
public final class WsDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WsDispatcher.class);

    private final PresenceService presence;
    private final ChatService chat;
    private final CallRelay calls;
    private final RateLimiter limiter;
    private final ServerMetrics metrics;
    private final int maxFrameBytes;

    public WsDispatcher(PresenceService presence, ChatService chat, CallRelay calls, RateLimiter limiter,
            ServerMetrics metrics, int maxFrameBytes) {
        this.presence = presence;
        this.chat = chat;
        this.calls = calls;
        this.limiter = limiter;
        this.metrics = metrics;
        this.maxFrameBytes = maxFrameBytes;
    }

    public void onText(Connection connection, String frame) {
        WsCodec.Decoded<ClientMessage> decoded = WsCodec.decodeClient(frame, maxFrameBytes);
        long wait = limiter.tryTake(connection.principal().sessionId());
        if (wait > 0) {
            metrics.wsMessage("rate_limited");
            String id = switch (decoded) {
                case WsCodec.Decoded.Ok<ClientMessage> ok -> ok.message().id();
                case WsCodec.Decoded.Rejected<ClientMessage> rejected -> rejected.id();
            };
            connection.send(error(id, RateLimiter.limited(wait)));
            return;
        }
        switch (decoded) {
            case WsCodec.Decoded.Ok<ClientMessage> ok -> handle(connection, ok.message());
            case WsCodec.Decoded.Rejected<ClientMessage> rejected -> {
                metrics.wsMessage("invalid");
                connection.send(error(rejected.id(), rejected.error()));
            }
        }
    }

    /** A binary frame: the protocol has none. */
    public void onBinary(Connection connection) {
        metrics.wsMessage("invalid");
        connection.send(error(null, new ProtocolException(ErrorCode.MALFORMED_JSON,
                "Frames are JSON text; binary frames are not used")));
    }

    private void handle(Connection connection, ClientMessage message) {
        String id = message.id();
        metrics.wsMessage(typeOf(message));
        Runnable ack = () -> connection.send(new ServerMessage.Ack(id));
        try {
            switch (message) {
                case ClientMessage.Ping m -> ack.run();
                case ClientMessage.SetPresence m -> {
                    presence.choose(connection.principal(), m.state());
                    ack.run();
                }
                case ClientMessage.AckInbox m -> {
                    chat.ack(connection.principal(), m.upToSeq());
                    ack.run();
                }
                default -> calls.handle(connection.principal(), message, ack);
            }
        } catch (ProtocolException e) {
            connection.send(error(id, e));
        } catch (RuntimeException e) {
            LOG.error("WebSocket message {} failed", typeOf(message), e);
            connection.send(ServerMessage.Error.of(id, ErrorBody.of(ErrorCode.INTERNAL_ERROR,
                    "The server failed; the message may be retried")));
        }
    }

    private static ServerMessage error(String id, ProtocolException e) {
        return new ServerMessage.Error(id, e.code().wire(), e.getMessage(), e.details());
    }

    private static String typeOf(ClientMessage m) {
        return switch (m) {
            case ClientMessage.Ping x -> "ping";
            case ClientMessage.SetPresence x -> "presence.set";
            case ClientMessage.AckInbox x -> "inbox.ack";
            case ClientMessage.CallInvite x -> "call.invite";
            case ClientMessage.CallRinging x -> "call.ringing";
            case ClientMessage.CallAccept x -> "call.accept";
            case ClientMessage.CallReject x -> "call.reject";
            case ClientMessage.CallCancel x -> "call.cancel";
            case ClientMessage.CallHangup x -> "call.hangup";
            case ClientMessage.CallCandidate x -> "call.candidate";
            case ClientMessage.CallSdp x -> "call.sdp";
        };
    }
}
