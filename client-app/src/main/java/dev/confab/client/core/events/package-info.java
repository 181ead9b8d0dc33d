/**
 * The event WebSocket: one connection per signed-in device, kept up by itself with jittered exponential backoff
 * and a heartbeat watchdog, with its state observable as a {@link dev.confab.client.core.events.ConnectionStatus}.
 */
package dev.confab.client.core.events;
