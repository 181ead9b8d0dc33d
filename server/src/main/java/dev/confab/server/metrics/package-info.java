/** Prometheus metrics: the server's counters and gauges, JVM metrics, and the /metrics endpoint. */
package dev.confab.server.metrics;
