package dev.confab.server.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.ProtocolVersion;
import dev.confab.server.config.AllowedOrigins;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Cross-origin access for browser pages on the origins of {@code http.cors-allowed-origins}, checked before any
 * other route. A request without an {@code Origin} (the CLI, the desktop app) passes untouched. One whose origin is
 * on the list gets {@code Access-Control-Allow-Origin} echoing it, on errors too, so the page can read the JSON
 * error; a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered {@code 204} with the
 * methods and request headers the API uses. Any other origin is refused {@code 403 forbidden}, preflight or not.
 * No credentials mode: sessions are bearer tokens, never cookies. Every answer varies by {@code Origin}. Stateless.
 */
public final class Cors {
    /** The methods of the REST API. */
    static final String METHODS = "GET, POST, PUT, DELETE";
    /** The request headers a page sends: the session token, JSON bodies and the protocol version. */
    static final String HEADERS = "Authorization, Content-Type, " + ProtocolVersion.HEADER;
    /** The response headers a page may read besides the CORS-safelisted ones: how long a 429 asks it to wait. */
    static final String EXPOSED = "Retry-After";
    /** How long a browser may reuse a preflight's answer. */
    static final String MAX_AGE_SECONDS = "600";

    private Cors() {}

    /** The refusal of a request or WebSocket upgrade from a page whose origin is not on the list. */
    public static ProtocolException originRefused() {
        return new ProtocolException(ErrorCode.FORBIDDEN, "Pages from this origin may not use this server (the"
                + " server's http.cors-allowed-origins does not list it)");
    }

    /** Registers the check; call it before any other {@code before} handler. */
    public static void addTo(RoutesConfig routes, AllowedOrigins origins) {
        routes.before(ctx -> {
            ctx.header("Vary", "Origin");
            String origin = ctx.header("Origin");
            if (origin == null) {
                return;
            }
            if (!origins.allows(origin)) {
                throw originRefused();
            }
            ctx.header("Access-Control-Allow-Origin", origin);
            if (isPreflight(ctx)) {
                ctx.header("Access-Control-Allow-Methods", METHODS);
                ctx.header("Access-Control-Allow-Headers", HEADERS);
                ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
                ctx.status(204);
                ctx.skipRemainingHandlers();
            } else {
                ctx.header("Access-Control-Expose-Headers", EXPOSED);
            }
        });
    }

    private static boolean isPreflight(Context ctx) {
        return ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
    }
}
