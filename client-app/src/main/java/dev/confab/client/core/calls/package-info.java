/**
 * Call signaling over the event connection: sending invite, ringing, accept, reject, cancel, hangup, candidates and
 * renegotiation SDPs, and hearing the other side's. The call engine (media) is built on top of this.
 */
package dev.confab.client.core.calls;
