package dev.confab.server.http;

import dev.confab.protocol.ErrorBody;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page for errors that never reach Javalin's handlers (a refused WebSocket upgrade, a request Jetty
 * cannot parse): the protocol's JSON error body instead of an HTML page, never a stack trace. Stateless.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final String PREFORMATTED = "{\"code\":";

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) {
        if (message != null && message.startsWith(PREFORMATTED)) {
            write(response, message.getBytes(StandardCharsets.UTF_8), callback);
            return;
        }
        ErrorCode code = ErrorMapper.codeFor(status);
        String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
        String text = ErrorMapper.messageFor(code, request.getMethod(), path);
        write(response, Json.encode(ErrorBody.of(code, text)).getBytes(StandardCharsets.UTF_8), callback);
    }

    /**
     * The reason to pass to {@code sendError} so this handler writes {@code body} as it is: how the WebSocket
     * upgrade, which can only answer through {@code sendError}, sends the protocol's exact error body.
     */
    public static String preformatted(ErrorBody body) {
        String json = Json.encode(body);
        if (!json.startsWith(PREFORMATTED)) {
            throw new IllegalStateException("an error body starts with its code");
        }
        return json;
    }

    private static void write(Response response, byte[] body, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
