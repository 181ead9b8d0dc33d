/** TURN: time-limited coturn credentials (shared-secret REST scheme) and the ICE server list for clients. */
package dev.confab.server.turn;
