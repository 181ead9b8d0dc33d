package dev.confab.server.http;

import dev.confab.server.metrics.ServerMetrics;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One log line and one metric sample per request: method, route template (never the concrete path, which can
 * hold ids), status and duration. Never the query, headers or body, so tokens and passwords cannot leak into
 * logs. Stateless apart from the metrics it updates.
 */
public final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("confab.access");
    private final ServerMetrics metrics;

    public AccessLog(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    public void log(Context ctx, Float millis) {
        try {
            String route = route(ctx);
            int status = ctx.statusCode();
            double ms = millis == null ? 0 : millis;
            metrics.httpRequest(route, ctx.method().name(), status, ms / 1000.0);
            if (!route.equals("/health") && !route.equals("/metrics")) {
                LOG.atLevel(status >= 500 ? Level.WARN : Level.INFO)
                        .addKeyValue("method", ctx.method().name())
                        .addKeyValue("route", route)
                        .addKeyValue("status", status)
                        .addKeyValue("durationMs", Math.round(ms * 10) / 10.0)
                        .log("{} {} {} {}ms", ctx.method().name(), route, status, String.format("%.1f", ms));
            }
        } catch (RuntimeException e) {
            LOG.warn("Access log failed: {}", e.toString());
        }
    }

    private static String route(Context ctx) {
        List<Endpoint> endpoints = ctx.endpoints().list();
        for (int i = endpoints.size() - 1; i >= 0; i--) {
            Endpoint e = endpoints.get(i);
            if (e.method.isHttpMethod() && !e.path.equals("*")) {
                return e.path;
            }
        }
        return "unmatched";
    }
}
