/** SRTP throughput, Confab beside libsrtp2 in one run: the JMH benchmark, the C benchmark's driver, the table. */
package dev.confab.bench.srtp;
