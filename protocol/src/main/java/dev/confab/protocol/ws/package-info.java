/**
 * Messages of the event WebSocket: what a client sends, what the server pushes, and their codec.
 * Records here are immutable and thread-safe.
 */
package dev.confab.protocol.ws;
