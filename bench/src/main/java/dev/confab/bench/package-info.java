/** Confab's benchmarks: JMH microbenchmarks and end-to-end load drivers, run by hand, never as tests. */
package dev.confab.bench;
