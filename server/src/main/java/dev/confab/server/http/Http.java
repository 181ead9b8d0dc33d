package dev.confab.server.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.Fields;
import dev.confab.protocol.Json;
import dev.confab.protocol.ProtocolException;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Reading JSON request bodies and writing JSON answers. Bodies must be {@code application/json}; decoding failures
 * become the protocol's {@link ProtocolException}s. Stateless.
 */
public final class Http {
    private static final String JSON = "application/json";

    private Http() {}

    /** Decodes the body as {@code type}, or throws {@code unsupported_media_type}/{@code malformed_json}/... */
    public static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip().startsWith(JSON)) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The body must be application/json");
        }
        return Json.decode(ctx.bodyAsBytes(), type);
    }

    /** Answers {@code status} with {@code body} as JSON. */
    public static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(Json.encode(body));
    }

    public static void ok(Context ctx, Object body) {
        json(ctx, 200, body);
    }

    public static void created(Context ctx, Object body) {
        json(ctx, 201, body);
    }

    public static void noContent(Context ctx) {
        ctx.status(204);
    }

    /** An optional integer query parameter within [min, max]. */
    public static int queryInt(Context ctx, String name, int min, int max, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Fields.invalid(name, name + " must be a number from " + min + " to " + max);
    }

    /** A path parameter that must be a protocol id. */
    public static String idParam(Context ctx, String name) {
        return Fields.id(ctx.pathParam(name), name);
    }
}
