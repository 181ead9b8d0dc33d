package dev.confab.client.core.events;

import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * OkHttp's callbacks for one connection attempt of an {@link EventStream}, handed over to the stream's event thread
 * with the attempt's generation, so the stream ignores what a late callback of an old socket says.
 *
 * <p>Thread-safe: OkHttp calls it on its own threads; it keeps no state and only hands over.
 */
final class SocketCallbacks extends WebSocketListener {
    private final EventStream stream;
    private final int gen;

    SocketCallbacks(EventStream stream, int gen) {
        this.stream = stream;
        this.gen = gen;
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        stream.onLoop(() -> stream.received(gen, text));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
        stream.onLoop(() -> stream.closedByServer(gen, code, reason));
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        stream.onLoop(() -> stream.lost(gen, "the connection closed"));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        stream.onLoop(() -> stream.failed(gen, error, response));
    }
}
