/** A TURN client over UDP (RFC 8656) that shares its socket with ICE: allocations, permissions, channels, relayed data. */
package dev.confab.media.turn;
