package dev.confab.server.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.DoubleSupplier;

/**
 * Every metric the server exports, on a private registry (so tests in one JVM never share counters), plus JVM
 * metrics. Features call the small methods here; none of them blocks. Thread-safe.
 */
public final class ServerMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram httpRequests = Histogram.builder().name("confab_http_request_duration_seconds")
            .help("REST requests by route template, method and status").unit(Unit.SECONDS)
            .labelNames("route", "method", "status")
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
            .register(registry);
    private final Counter messagesSent = Counter.builder().name("confab_messages_sent_total")
            .help("Chat messages accepted (not counting idempotent repeats)").register(registry);
    private final Counter inboxStored = Counter.builder().name("confab_inbox_items_stored_total")
            .help("Inbox items stored, by kind").labelNames("kind").register(registry);
    private final Counter inboxAcked = Counter.builder().name("confab_inbox_items_acked_total")
            .help("Inbox items acknowledged and deleted").register(registry);
    private final Counter presenceFanOut = Counter.builder().name("confab_presence_events_total")
            .help("Presence events queued to contacts' connections").register(registry);
    private final Histogram presenceFanOutSeconds = Histogram.builder().name("confab_presence_fanout_duration_seconds")
            .help("Time to compute and queue one presence change to every contact connection").unit(Unit.SECONDS)
            .classicUpperBounds(0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1)
            .register(registry);
    private final Counter rateLimited = Counter.builder().name("confab_rate_limit_rejections_total")
            .help("Requests refused by a rate limit").labelNames("limit").register(registry);
    private final Counter callsEnded = Counter.builder().name("confab_calls_ended_total")
            .help("Calls ended, by the reason the caller was given").labelNames("reason").register(registry);
    private final Counter wsMessages = Counter.builder().name("confab_ws_messages_received_total")
            .help("WebSocket messages received, by type ('invalid' when unreadable)").labelNames("type")
            .register(registry);
    private final Counter wsSlowClosed = Counter.builder().name("confab_ws_slow_client_closed_total")
            .help("WebSocket connections dropped for not reading: outbound queue over its bound, or a write stalled")
            .register(registry);
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public ServerMetrics() {
        JvmMetrics.builder().register(registry);
    }

    /** Registers a gauge read at scrape time, such as the number of open WebSockets. */
    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    public void httpRequest(String route, String method, int status, double seconds) {
        httpRequests.labelValues(route, method, Integer.toString(status)).observe(seconds);
    }

    public void messageSent() {
        messagesSent.inc();
    }

    public void inboxStored(String kind, int count) {
        inboxStored.labelValues(kind).inc(count);
    }

    public void inboxAcked(int count) {
        inboxAcked.inc(count);
    }

    public void presenceFanOut(int events, long nanos) {
        presenceFanOut.inc(events);
        presenceFanOutSeconds.observe(nanos / 1e9);
    }

    public void rateLimited(String limit) {
        rateLimited.labelValues(limit).inc();
    }

    public void callEnded(String reason) {
        callsEnded.labelValues(reason).inc();
    }

    public void wsMessage(String type) {
        wsMessages.labelValues(type).inc();
    }

    public void wsSlowClientClosed() {
        wsSlowClosed.inc();
    }

    /** The registry in Prometheus text format. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public String contentType() {
        return writer.getContentType();
    }
}
