/** DTLS-SRTP handshake time on UDP loopback: the JMH benchmark, its loopback link and the report. */
package dev.confab.bench.dtls;
