/** Call signaling relay: ringing, answering, declining, candidates and renegotiation between devices, in memory. */
package dev.confab.server.calls;
