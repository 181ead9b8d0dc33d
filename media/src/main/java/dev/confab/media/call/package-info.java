/** The call engine: one {@link dev.confab.media.call.CallSession} per call, Confab's equivalent of a peer connection. */
package dev.confab.media.call;
