/** Messages of the event WebSocket: what a client sends, what the server pushes, and their codec. */
package dev.confab.protocol.ws;
