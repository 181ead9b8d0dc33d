package dev.confab.server.http;

import dev.confab.protocol.ErrorBody;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.server.sessions.SessionService;
import dev.confab.server.storage.DataAccessException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the protocol's JSON error body with a stable code: protocol errors as they are,
 * Javalin's own (unknown path, wrong method, body too large) by status, database outages as
 * {@code 503 unavailable}, and anything else as {@code 500 internal_error} - logged with its stack trace,
 * never sent. Stateless.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    /** The sentence of every {@code 500 internal_error}. */
    public static final String INTERNAL = "The server failed; the request may be retried";

    public static void addTo(RoutesConfig routes) {
        routes.exception(ProtocolException.class, (e, ctx) -> write(ctx, e.code(), ErrorBody.of(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            ErrorCode code = codeFor(e.getStatus());
            write(ctx, code, ErrorBody.of(code, messageFor(code, ctx.method().name(), ctx.path())));
        });
        routes.exception(DataAccessException.class, (e, ctx) -> {
            if (e.getCause() instanceof SQLTransientConnectionException) {
                LOG.warn("Database unavailable for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                write(ctx, ErrorCode.UNAVAILABLE, ErrorBody.of(ErrorCode.UNAVAILABLE,
                        "The server cannot reach its database; try again shortly"));
            } else {
                internal(e, ctx);
            }
        });
        routes.exception(Exception.class, ErrorMapper::internal);
    }

    /** The stable code for an HTTP status Javalin or Jetty produced on its own. */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 426 -> ErrorCode.UNSUPPORTED_PROTOCOL;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
    }

    /** A sentence for people for a code Javalin or Jetty produced on its own, for a request. */
    public static String messageFor(ErrorCode code, String method, String path) {
        return switch (code) {
            case NOT_FOUND -> "No such endpoint: " + method + " " + path;
            case METHOD_NOT_ALLOWED -> "The path exists, the method " + method + " does not";
            case TOO_LARGE -> "The request body is too large";
            case UNAUTHORIZED -> SessionService.TOKEN_REQUIRED;
            case UNSUPPORTED_PROTOCOL -> RequestGuard.unsupportedProtocol().getMessage();
            case RATE_LIMITED -> "Too many requests; try again later";
            case INTERNAL_ERROR -> INTERNAL;
            default -> "The request could not be handled (" + code.wire() + ")";
        };
    }

    private static void internal(Exception e, Context ctx) {
        LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
        write(ctx, ErrorCode.INTERNAL_ERROR, ErrorBody.of(ErrorCode.INTERNAL_ERROR, INTERNAL));
    }

    private static void write(Context ctx, ErrorCode code, ErrorBody body) {
        if (code == ErrorCode.RATE_LIMITED && body.details().get("retryAfterSeconds") instanceof Number seconds) {
            ctx.header("Retry-After", Long.toString(seconds.longValue()));
        }
        Http.json(ctx, code.httpStatus(), body);
    }
}
