/** The event WebSocket: connections and their outbound queues, the registry, message dispatch and heartbeats. */
package dev.confab.server.ws;
