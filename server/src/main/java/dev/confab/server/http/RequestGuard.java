package dev.confab.server.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.ProtocolVersion;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Checks made before any route: the {@code Confab-Protocol} major version ({@code 426 unsupported_protocol}) and a
 * declared body size above the limit ({@code 413 too_large}, decided before the body is parsed; an undeclared
 * size is bounded while reading). Stateless.
 */
public final class RequestGuard {
    /**
     * Bodies up to this many times the limit are read and thrown away before the 413 goes out: a client still
     * sending would otherwise see the connection reset instead of the answer. Larger ones are cut off.
     */
    private static final long DRAIN_FACTOR = 8;

    private RequestGuard() {}

    /** The answer to a {@code Confab-Protocol} major version this server does not speak (REST and WebSocket). */
    public static ProtocolException unsupportedProtocol() {
        return new ProtocolException(ErrorCode.UNSUPPORTED_PROTOCOL, "This server speaks Confab protocol "
                + ProtocolVersion.CURRENT, Map.of("supported", ProtocolVersion.CURRENT));
    }

    public static void addTo(RoutesConfig routes, long maxBodyBytes) {
        routes.before(ctx -> {
            if (!ProtocolVersion.isSupported(ctx.header(ProtocolVersion.HEADER))) {
                throw unsupportedProtocol();
            }
            long declared = ctx.req().getContentLengthLong();
            if (declared > maxBodyBytes) {
                if (declared <= DRAIN_FACTOR * maxBodyBytes) {
                    drain(ctx.req().getInputStream());
                }
                throw new ProtocolException(ErrorCode.TOO_LARGE, "The body may be at most " + maxBodyBytes + " bytes");
            }
        });
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        while (in.read(buffer) >= 0) {
            // discard
        }
    }
}
