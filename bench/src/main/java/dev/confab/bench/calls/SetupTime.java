package dev.confab.bench.calls;

/**
 * One call set-up's times, in milliseconds.
 *
 * @param ringMillis       from the caller placing the call to the callee's client showing it ringing
 * @param firstAudioMillis from the callee accepting to the caller's playout taking the first frame of received audio
 */
record SetupTime(double ringMillis, double firstAudioMillis) {
}
