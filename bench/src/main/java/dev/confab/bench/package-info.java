/**
 * Confab's benchmarks: JMH microbenchmarks and end-to-end load drivers, run by hand, never as tests; here, what the
 * drivers share (the Markdown report, medians, a headless browser's CPU).
 */
package dev.confab.bench;
