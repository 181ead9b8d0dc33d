package dev.confab.server.metrics;

import dev.confab.protocol.ErrorBody;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolVersion;
import dev.confab.protocol.rest.Health;
import dev.confab.server.http.Api;
import dev.confab.server.http.Http;
import dev.confab.server.storage.Database;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code /health} (200 when the database answers, else 503; the database is asked at most once a second) and
 * {@code /metrics}. Stateless apart from the probe's cached answer.
 */
public final class ObservabilityRoutes {
    private ObservabilityRoutes() {}

    public static void addTo(Api api, Database db, ServerMetrics metrics, boolean metricsEnabled, String version) {
        String database = db.kind().name().toLowerCase(Locale.ROOT);
        HealthProbe probe = new HealthProbe(() -> db.answers(2), System::nanoTime, Duration.ofSeconds(1));
        api.publicGet("/health", ctx -> {
            if (probe.healthy()) {
                Http.ok(ctx, new Health("ok", version, ProtocolVersion.CURRENT, database));
            } else {
                Http.json(ctx, 503, ErrorBody.of(ErrorCode.UNAVAILABLE, "The database does not answer"));
            }
        });
        if (metricsEnabled) {
            api.publicGet("/metrics", ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape()));
        }
    }
}
