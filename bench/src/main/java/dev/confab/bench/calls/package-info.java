/** Call set-up, mouth-to-ear latency and CPU of an audio call: Confab's client beside headless Chromium. */
package dev.confab.bench.calls;
