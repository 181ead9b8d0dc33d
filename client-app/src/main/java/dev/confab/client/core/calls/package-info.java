/**
 * Calls: the {@link dev.confab.client.core.calls.CallManager} places, rings, answers and ends 1:1 encrypted audio
 * calls, wiring the call signaling ({@link dev.confab.client.core.calls.CallSignaling}) to the media engine's
 * {@code CallSession}, with the identity binding checked on every description.
 */
package dev.confab.client.core.calls;
