/** The signaling load driver: thousands of WebSocket clients exchanging presence and messages with one server. */
package dev.confab.bench.load;
