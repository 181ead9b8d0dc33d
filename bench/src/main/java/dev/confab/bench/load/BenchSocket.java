package dev.confab.bench.load;

import dev.confab.protocol.ProtocolVersion;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.protocol.ws.WsCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One load client's event WebSocket on the JDK's non-blocking client, so thousands share a few threads.
 * Decoded server messages go to a handler on the client's receive thread; sends are serialised because the
 * JDK allows one outstanding send per socket. Thread-safe.
 */
final class BenchSocket implements WebSocket.Listener {
    private final BenchUser user;
    private final BiConsumer<BenchUser, ServerMessage> handler;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicBoolean open = new AtomicBoolean();
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private CompletableFuture<WebSocket> sending = null;
    private WebSocket socket;

    private BenchSocket(BenchUser user, BiConsumer<BenchUser, ServerMessage> handler) {
        this.user = user;
        this.handler = handler;
    }

    /** Connects and completes once the server's welcome arrived. */
    static CompletableFuture<BenchSocket> connect(HttpClient http, String wsUrl, BenchUser user,
            BiConsumer<BenchUser, ServerMessage> handler) {
        BenchSocket client = new BenchSocket(user, handler);
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + user.token())
                .header(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT))
                .buildAsync(URI.create(wsUrl), client)
                .thenCompose(ws -> client.welcomed.thenApply(ignored -> client));
    }

    BenchUser user() {
        return user;
    }

    boolean isOpen() {
        return open.get();
    }

    /** Sends a client message, after any send still in flight. */
    synchronized void send(Object message) {
        String frame = WsCodec.encode(message);
        CompletableFuture<WebSocket> previous = sending == null ? CompletableFuture.completedFuture(socket) : sending;
        sending = previous.thenCompose(ws -> ws.sendText(frame, true));
    }

    void close() {
        if (socket != null && open.get()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        synchronized (this) {
            socket = webSocket;
        }
        open.set(true);
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (WsCodec.decodeServer(frame) instanceof WsCodec.Decoded.Ok<ServerMessage>(ServerMessage message)) {
                if (message instanceof ServerMessage.Welcome) {
                    welcomed.complete(null);
                }
                handler.accept(user, message);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        open.set(false);
        welcomed.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        open.set(false);
        welcomed.completeExceptionally(error);
    }
}
